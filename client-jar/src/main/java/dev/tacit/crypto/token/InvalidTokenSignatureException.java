package dev.tacit.crypto.token;

import dev.tacit.crypto.VerificationFailedException;

/**
 * A token's authenticator, or a blind signature being finalized, is not a valid RSASSA-PSS signature under the
 * issuer key it names.
 */
public class InvalidTokenSignatureException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenSignatureException(String message) {
        super(message);
    }

    public InvalidTokenSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
