package dev.tacit.crypto.envelope;

import dev.tacit.crypto.VerificationFailedException;

/** An envelope whose sender signed it for someone else (e.g. a signed message forwarded by its recipient). */
public class WrongRecipientException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public WrongRecipientException(String message) {
        super(message);
    }
}
