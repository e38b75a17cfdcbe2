package dev.tacit.crypto;

/**
 * Base of every checked failure of the protocol library. Each failure has a subclass of its own so callers
 * can tell a malformed message from a forged one; messages never contain key material.
 */
public abstract class CryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    protected CryptoException(String message) {
        super(message);
    }

    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
