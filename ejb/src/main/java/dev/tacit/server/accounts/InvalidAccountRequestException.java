package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** A member of an account request (registration, key replacement) that does not decode or check out; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidAccountRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidAccountRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request member at fault, as named in docs/protocol.md. */
    public String field() {
        return field;
    }
}
