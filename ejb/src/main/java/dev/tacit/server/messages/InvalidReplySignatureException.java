package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/**
 * A reply whose group signature does not verify under the recipient's current group key, whose timestamp is not
 * fresh, or whose recipient has no account (answered alike, so replies are no test of registration;
 * docs/protocol.md §4.12); nothing changed.
 */
@ApplicationException(rollback = true)
public class InvalidReplySignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidReplySignatureException(String detail) {
        super(detail);
    }
}
