package dev.tacit.client;

/**
 * Base of the client's failures: the server refused, or could not be reached or understood; the proxy could not be
 * reached; or the local state could not be used.
 */
public abstract class TacitClientException extends Exception {

    private static final long serialVersionUID = 1L;

    protected TacitClientException(String message) {
        super(message);
    }

    protected TacitClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
