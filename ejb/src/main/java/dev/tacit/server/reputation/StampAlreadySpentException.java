package dev.tacit.server.reputation;

import jakarta.ejb.ApplicationException;

/** A stamp of a redemption was spent before (docs/protocol.md §4.24); nothing of the redemption was counted or spent. */
@ApplicationException(rollback = true)
public class StampAlreadySpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the stamp, by position: {@code stamps[i]} */
    public StampAlreadySpentException(String field) {
        super(field + " was spent before", null, false, false);
        this.field = field;
    }

    /** The stamp spent before, {@code stamps[i]}. */
    public String field() {
        return field;
    }
}
