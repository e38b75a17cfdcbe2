package dev.tacit.crypto.envelope;

import dev.tacit.crypto.VerificationFailedException;

/** A sealed envelope that does not decrypt: sealed to another key or recipient, or altered in transit. */
public class EnvelopeOpeningException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public EnvelopeOpeningException(String message) {
        super(message);
    }
}
