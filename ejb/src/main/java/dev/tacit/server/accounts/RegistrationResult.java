package dev.tacit.server.accounts;

import java.util.List;

import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.token.TokenResponse;

/**
 * What a registration yields: the identity certificate and the blind signatures for the first token requests
 * (none when the number had already been issued its tokens).
 */
public record RegistrationResult(IdentityCertificate certificate, List<TokenResponse> tokenResponses,
                                 boolean newAccount) {

    public RegistrationResult {
        tokenResponses = List.copyOf(tokenResponses);
    }
}
