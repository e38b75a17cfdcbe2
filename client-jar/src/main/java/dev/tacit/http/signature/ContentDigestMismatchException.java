package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;

/** A Content-Digest that is not the SHA-256 digest of the body: the body was changed. */
public class ContentDigestMismatchException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public ContentDigestMismatchException(String message) {
        super(message);
    }
}
