package dev.tacit.client;

/** Base of the failures of the client calls: the server refused, or could not be reached or understood. */
public abstract class TacitClientException extends Exception {

    private static final long serialVersionUID = 1L;

    protected TacitClientException(String message) {
        super(message);
    }

    protected TacitClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
