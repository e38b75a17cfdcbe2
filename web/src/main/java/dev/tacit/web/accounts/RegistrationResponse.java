package dev.tacit.web.accounts;

import java.util.List;

/**
 * {@code POST /v1/accounts} answer (docs/protocol.md §4.5).
 *
 * @param certificate    the DER identity certificate, base64url
 * @param tokenResponses blind signatures for the first token requests, in order, base64url; empty when the
 *                       number was issued its tokens before
 */
public record RegistrationResponse(String certificate, List<String> tokenResponses) {
}
