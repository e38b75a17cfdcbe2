package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/**
 * A token that is malformed, of an unknown or retired key, for another challenge than this server's first
 * contacts, or forged (docs/protocol.md §4.12); nothing changed.
 */
@ApplicationException(rollback = true)
public class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String detail) {
        super(detail);
    }
}
