package dev.tacit.server.discovery;

import java.time.Duration;

import jakarta.ejb.ApplicationException;

/** The account has been issued its whole allowance of discovery tokens for the window, which ends in {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public class DiscoveryAllowanceSpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public DiscoveryAllowanceSpentException(Duration retryAfter) {
        super("the discovery allowance of this window is spent", null, false, false);
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        this.retryAfter = retryAfter;
    }

    /** How long until the window ends and a new allowance starts; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
