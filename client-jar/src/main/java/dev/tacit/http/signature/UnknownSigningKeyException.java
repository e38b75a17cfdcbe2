package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;

/** A signature whose {@code keyid} names no account the verifier knows. */
public class UnknownSigningKeyException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UnknownSigningKeyException(String message) {
        super(message);
    }
}
