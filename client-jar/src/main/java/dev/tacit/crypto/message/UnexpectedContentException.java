package dev.tacit.crypto.message;

import dev.tacit.crypto.VerificationFailedException;

/** Content of the wrong kind for the step of the conversation: a follow-up where a first contact is expected, or the reverse. */
public class UnexpectedContentException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UnexpectedContentException(String message) {
        super(message);
    }
}
