package dev.tacit.server.discovery;

import jakarta.ejb.ApplicationException;

/**
 * A member of a discovery request (an allowance or a look-up) that does not decode or check out; nothing was
 * stored and no token spent. The message names array elements by position, never by value.
 */
@ApplicationException(rollback = true)
public class InvalidDiscoveryRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidDiscoveryRequestException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    /** The request member at fault, as named in docs/protocol.md. */
    public String field() {
        return field;
    }
}
