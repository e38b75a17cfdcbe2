package dev.tacit.client;

import java.time.Instant;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * An account as the server holds it ({@code GET /v1/account}, docs/protocol.md §4.8), next to what this client
 * holds.
 *
 * @param number               the account's number
 * @param registeredAt         when the server registered it (last registration)
 * @param tokensIssued         first-contact tokens the server has issued to the number, of its lifetime five
 * @param unspentTokens        first-contact tokens this client holds unspent
 * @param keysMatch            whether the pre-key and group key the server publishes are this client's: if not,
 *                             another device re-registered the number
 */
public record AccountStatus(PhoneNumber number, Instant registeredAt, int tokensIssued, int unspentTokens,
                            boolean keysMatch) {
}
