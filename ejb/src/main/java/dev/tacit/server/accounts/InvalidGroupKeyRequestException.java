package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** A member of a group-key request (docs/protocol.md §4.29, §4.30) that is malformed; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidGroupKeyRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidGroupKeyRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request member at fault, as named in docs/protocol.md. */
    public String field() {
        return field;
    }
}
