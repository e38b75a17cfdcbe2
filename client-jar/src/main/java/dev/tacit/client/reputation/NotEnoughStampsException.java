package dev.tacit.client.reputation;

import dev.tacit.client.TacitClientException;

/** Fewer stamps are held than a first-contact token costs (docs/protocol.md §4.24); nothing was sent. */
public class NotEnoughStampsException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    private final int held;
    private final int needed;

    public NotEnoughStampsException(int held, int needed) {
        super(held + " stamp(s) held; a first-contact token costs " + needed);
        this.held = held;
        this.needed = needed;
    }

    public int held() {
        return held;
    }

    public int needed() {
        return needed;
    }
}
