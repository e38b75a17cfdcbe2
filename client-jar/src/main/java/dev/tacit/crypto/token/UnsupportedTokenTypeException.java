package dev.tacit.crypto.token;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * A message or challenge carries a token_type other than 0x0002 (Blind RSA, 2048-bit), the only type this package
 * implements.
 */
public class UnsupportedTokenTypeException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTokenTypeException(String message) {
        super(message);
    }

    public UnsupportedTokenTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
