package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.VerificationFailedException;

/** A ratchet message that would require skipping more message keys than the session allows. */
public class TooManySkippedMessagesException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public TooManySkippedMessagesException(String message) {
        super(message);
    }
}
