package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;

/** A signature whose {@code expires} has passed. */
public class SignatureExpiredException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public SignatureExpiredException(String message) {
        super(message);
    }
}
