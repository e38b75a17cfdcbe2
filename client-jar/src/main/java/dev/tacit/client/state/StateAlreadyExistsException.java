package dev.tacit.client.state;

/** The directory already holds a client state; open it ({@link StateDirectory#open}) instead of creating one. */
public final class StateAlreadyExistsException extends StateException {

    private static final long serialVersionUID = 1L;

    public StateAlreadyExistsException(String message) {
        super(message);
    }

    public StateAlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
