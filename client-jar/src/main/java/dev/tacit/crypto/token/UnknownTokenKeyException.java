package dev.tacit.crypto.token;

import dev.tacit.crypto.VerificationFailedException;

/**
 * A token or token request names an issuer key (by token_key_id, or its truncated form) that the verifier or
 * issuer does not hold, for instance one rotated out.
 */
public class UnknownTokenKeyException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UnknownTokenKeyException(String message) {
        super(message);
    }

    public UnknownTokenKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
