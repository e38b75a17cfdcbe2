package dev.tacit.server.wakeup;

import java.time.Duration;

/**
 * A stream is refused: the account already holds as many open streams as it may on this node, or the node as many as
 * it holds in all ({@link #overall()}).
 */
public class TooManyStreamsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean overall;
    private final Duration retryAfter;

    TooManyStreamsException(boolean overall, Duration retryAfter) {
        super(overall ? "This server holds as many open streams as it may; try again later."
                : "This account holds as many open streams as it may; close one, or retry once a closed one is noticed.");
        this.overall = overall;
        this.retryAfter = retryAfter;
    }

    /** True if the node's bound is reached, false if the account's. */
    public boolean overall() {
        return overall;
    }

    /** When a stream may have gone: a closed connection is noticed at the next keep-alive at the latest. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
