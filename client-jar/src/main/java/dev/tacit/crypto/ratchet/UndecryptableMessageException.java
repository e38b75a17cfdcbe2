package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.VerificationFailedException;

/** A ratchet message whose AEAD tag does not verify under the session's keys: forged, altered or from another session. */
public class UndecryptableMessageException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UndecryptableMessageException(String message) {
        super(message);
    }
}
