package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/** A member of a messaging request that does not decode or check out (docs/protocol.md §4.12); nothing changed. */
@ApplicationException(rollback = true)
public class InvalidMessageRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidMessageRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request member at fault, as named in docs/protocol.md. */
    public String field() {
        return field;
    }
}
