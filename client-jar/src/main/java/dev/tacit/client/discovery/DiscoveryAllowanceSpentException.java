package dev.tacit.client.discovery;

import java.time.Instant;

import dev.tacit.client.TacitClientException;

/**
 * Not enough discovery tokens are left for a look-up, and the server grants no more in this window: look up fewer
 * numbers, or wait until {@link #nextWindow()}, when a new allowance starts (docs/protocol.md §4.10).
 */
public class DiscoveryAllowanceSpentException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    private final int tokensLeft;
    private final Instant nextWindow;

    public DiscoveryAllowanceSpentException(int tokensLeft, Instant nextWindow) {
        super(tokensLeft + " discovery token(s) left in this window; the next window starts at " + nextWindow);
        this.tokensLeft = tokensLeft;
        this.nextWindow = nextWindow;
    }

    /** The unspent tokens this client still holds for the current window. */
    public int tokensLeft() {
        return tokensLeft;
    }

    /** When the next window, with a new allowance, starts. */
    public Instant nextWindow() {
        return nextWindow;
    }
}
