package dev.tacit.client;

/** The server could not be reached, or answered with something that is not the protocol. */
public class ServerUnreachableException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServerUnreachableException(String message) {
        super(message);
    }
}
