package dev.tacit.client.state;

/**
 * The state directory could not be read or written (permissions, a full disk): the state on disk is the one
 * before the failed write.
 */
public final class StateStorageException extends StateException {

    private static final long serialVersionUID = 1L;

    public StateStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
