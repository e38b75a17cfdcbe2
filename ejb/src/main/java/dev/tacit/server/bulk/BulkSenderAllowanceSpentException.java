package dev.tacit.server.bulk;

import java.time.Duration;

import jakarta.ejb.ApplicationException;

/** A bulk sender has obtained its whole allowance of this period, which ends in {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public class BulkSenderAllowanceSpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public BulkSenderAllowanceSpentException(Duration retryAfter) {
        super("the bulk-sender allowance of this period is spent", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the period ends and a new allowance starts; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
