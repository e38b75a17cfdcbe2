package dev.tacit.server.reputation;

import java.time.Duration;

import jakarta.ejb.ApplicationException;

/**
 * The account has been granted as many first-contact tokens for stamps as a period allows (docs/protocol.md §4.24);
 * the period ends in {@link #retryAfter()}. Nothing of the redemption was counted or spent.
 */
@ApplicationException(rollback = true)
public class ReputationCapReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ReputationCapReachedException(Duration retryAfter) {
        super("the period's tokens for stamps are granted", null, false, false);
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        this.retryAfter = retryAfter;
    }

    /** How long until the period ends; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
