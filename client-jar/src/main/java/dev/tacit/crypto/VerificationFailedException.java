package dev.tacit.crypto;

/** A well-formed signature, token or authentication tag that does not verify. */
public class VerificationFailedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public VerificationFailedException(String message) {
        super(message);
    }

    public VerificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
