package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;

/** A signature whose {@code created} lies outside the verifier's freshness window, in the past or the future. */
public class SignatureNotFreshException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public SignatureNotFreshException(String message) {
        super(message);
    }
}
