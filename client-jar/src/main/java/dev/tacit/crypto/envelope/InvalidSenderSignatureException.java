package dev.tacit.crypto.envelope;

import dev.tacit.crypto.VerificationFailedException;

/** An envelope whose inner signature does not verify under the key in the sender's certificate. */
public class InvalidSenderSignatureException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public InvalidSenderSignatureException(String message) {
        super(message);
    }
}
