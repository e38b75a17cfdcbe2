package dev.tacit.server.push;

import jakarta.ejb.ApplicationException;

/** The account holds no push subscription with this id (docs/protocol.md §4.22); nothing changed. */
@ApplicationException(rollback = true)
public class UnknownPushSubscriptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownPushSubscriptionException() {
        super("The account holds no push subscription with this id.");
    }
}
