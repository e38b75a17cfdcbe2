package dev.tacit.client;

import java.time.Instant;

/**
 * A redemption of reputation stamps for one first-contact token (docs/protocol.md §4.24).
 *
 * @param stampsSpent how many stamps it cost
 * @param grantsLeft  how many more tokens this account may obtain for stamps in the period
 * @param periodEnd   when the period ends and its grants start afresh
 */
public record StampRedemption(int stampsSpent, int grantsLeft, Instant periodEnd) {
}
