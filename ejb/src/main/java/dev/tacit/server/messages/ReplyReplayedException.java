package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/** A group-signed reply accepted before (docs/protocol.md §4.12); nothing changed. */
@ApplicationException(rollback = true)
public class ReplyReplayedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplyReplayedException() {
        super("this signed reply was accepted before");
    }
}
