package dev.tacit.client;

import java.time.Instant;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A release of a first contact's token (docs/protocol.md §4.15): either planned, to be sent at {@code at} by
 * {@link TacitClient#sendDueReleases()}, or sent, the server releasing the token at {@code at}.
 *
 * @param from the first contact's sender, who gets the token back
 * @param sent whether the request was sent; if not, it is planned
 * @param at   when it will be sent (planned), or when the server releases the token (sent)
 */
public record Release(PhoneNumber from, boolean sent, Instant at) {
}
