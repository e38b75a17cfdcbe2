package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** An uploaded group key update that does not decode or does not apply to the key before it (§4.29); nothing stored. */
@ApplicationException(rollback = true)
public class InvalidGroupKeyUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;

    public InvalidGroupKeyUpdateException(int index, String detail) {
        super("update " + index + ": " + detail);
        this.index = index;
    }

    /** The update's index in the request's {@code updates}, from 0. */
    public int index() {
        return index;
    }
}
