package dev.tacit.crypto.message;

import dev.tacit.crypto.VerificationFailedException;

/** An envelope whose certified sender is not the peer of the conversation it claims to continue. */
public class UnexpectedSenderException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UnexpectedSenderException(String message) {
        super(message);
    }
}
