package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/**
 * A first contact to a number without an account (docs/protocol.md §4.12). Not rolled back: the token that paid
 * for it stays spent, so that sends are no free test of whether a number is registered.
 */
@ApplicationException(rollback = false)
public class UnknownRecipientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownRecipientException() {
        super("the recipient has no account");
    }
}
