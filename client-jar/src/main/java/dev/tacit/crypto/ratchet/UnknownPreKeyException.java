package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.VerificationFailedException;

/** A session initiation that names a signed pre-key the recipient does not hold. */
public class UnknownPreKeyException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UnknownPreKeyException(String message) {
        super(message);
    }
}
