package dev.tacit.server.verification;

import java.time.Duration;

/** A limit on sends or wrong codes is exhausted until {@link #retryAfter()} has passed. */
public final class RateLimitedException extends VerificationException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        this.retryAfter = retryAfter;
    }

    /** How long until the limit that refused this request resets; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
