package dev.tacit.server.discovery;

import jakarta.ejb.ApplicationException;

/** A look-up presented a discovery token that was spent before; the whole look-up was refused, spending nothing. */
@ApplicationException(rollback = true)
public class TokenAlreadySpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenAlreadySpentException() {
        super("a token of this look-up was spent before; no token of it was spent now", null, false, false);
    }
}
