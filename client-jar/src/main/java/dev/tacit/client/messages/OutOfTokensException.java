package dev.tacit.client.messages;

import dev.tacit.client.TacitClientException;

/**
 * No first-contact token is left: every token paid for a first contact whose recipient has not released it
 * (docs/protocol.md §4.19). Replies to contacts still work; tokens come back as recipients release them.
 */
public final class OutOfTokensException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    /** The wallet is empty. */
    public OutOfTokensException() {
        super("no first-contact token is left; released tokens come back through refresh");
    }
}
