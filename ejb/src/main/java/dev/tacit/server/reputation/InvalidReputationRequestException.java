package dev.tacit.server.reputation;

import jakarta.ejb.ApplicationException;

/**
 * A member of a redemption (docs/protocol.md §4.24) that does not decode or check out; nothing was counted or
 * spent. The message names stamps by position, never by value.
 */
@ApplicationException(rollback = true)
public class InvalidReputationRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidReputationRequestException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    /** The request member at fault, as named in docs/protocol.md: {@code stamps}, {@code stamps[i]}, {@code tokenRequest}. */
    public String field() {
        return field;
    }
}
