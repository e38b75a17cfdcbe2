package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/** A message id that is not in the caller's mailbox (acknowledged before, expired, or never there); nothing changed. */
@ApplicationException(rollback = true)
public class UnknownMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownMessageException() {
        super("no such message in this mailbox");
    }
}
