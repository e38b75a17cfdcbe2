package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/**
 * An envelope longer than the largest padding bucket allows (docs/protocol.md §3.6, §4.12), refused before any
 * cryptography.
 */
@ApplicationException(rollback = true)
public class MessageTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(int length) {
        super("an envelope of " + length + " bytes is longer than the largest padded size allows");
    }
}
