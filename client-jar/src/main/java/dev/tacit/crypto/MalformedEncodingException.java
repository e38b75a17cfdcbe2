package dev.tacit.crypto;

/**
 * Bytes that do not decode to a valid value of the expected type: wrong length, a point off the curve or
 * outside the prime-order subgroup, a scalar out of range, an unknown version or type byte.
 */
public class MalformedEncodingException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public MalformedEncodingException(String message) {
        super(message);
    }

    public MalformedEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
