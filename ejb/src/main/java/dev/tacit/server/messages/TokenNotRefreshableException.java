package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/** A token that is not released, so it cannot be exchanged (docs/protocol.md §4.18); nothing changed. */
@ApplicationException(rollback = true)
public class TokenNotRefreshableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TokenState state;

    public TokenNotRefreshableException(TokenState state) {
        super("only a released token is exchanged; this one is " + state.wireName());
        this.state = state;
    }

    public TokenState state() {
        return state;
    }
}
