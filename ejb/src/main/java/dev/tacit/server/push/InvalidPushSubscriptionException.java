package dev.tacit.server.push;

import jakarta.ejb.ApplicationException;

/** A push subscription's endpoint is not acceptable (docs/protocol.md §4.21); nothing changed. */
@ApplicationException(rollback = true)
public class InvalidPushSubscriptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPushSubscriptionException(String expected) {
        super("The endpoint must be " + expected + ".");
    }
}
