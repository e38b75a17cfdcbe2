package dev.tacit.crypto.token;

import dev.tacit.crypto.CryptoException;

/**
 * The issuer's private-key operation failed its consistency check (RFC 9474 §4.3: s^e mod n must equal the blinded
 * message); nothing must be sent.
 */
public class BlindSigningFailedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    BlindSigningFailedException(String message) {
        super(message);
    }

    BlindSigningFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
