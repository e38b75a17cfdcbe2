package dev.tacit.server.push;

import jakarta.ejb.ApplicationException;

/** The account holds as many push subscriptions as it may (docs/protocol.md §4.21); nothing changed. */
@ApplicationException(rollback = true)
public class TooManyPushSubscriptionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyPushSubscriptionsException(int bound) {
        super("An account holds at most " + bound + " push subscriptions; delete one first.");
    }
}
