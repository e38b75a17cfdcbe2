package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/** A first-contact token that was spent before, in the state it is now in (docs/protocol.md §4.12); nothing changed. */
@ApplicationException(rollback = true)
public class TokenSpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TokenState state;

    public TokenSpentException(TokenState state) {
        super("the token was spent before; it is " + state.wireName());
        this.state = state;
    }

    public TokenState state() {
        return state;
    }
}
