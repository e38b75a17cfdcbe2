package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.VerificationFailedException;

/** A ratchet message whose key was already used (or already discarded): a duplicate or a replay. */
public class ReplayedMessageException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public ReplayedMessageException(String message) {
        super(message);
    }
}
