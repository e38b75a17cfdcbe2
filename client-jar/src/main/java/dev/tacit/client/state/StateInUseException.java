package dev.tacit.client.state;

/**
 * Another process (or another {@link StateDirectory} in this one) has the state directory open: only one may
 * use it at a time, so that no update is lost. Try again once the other is done.
 */
public final class StateInUseException extends StateException {

    private static final long serialVersionUID = 1L;

    public StateInUseException(String message) {
        super(message);
    }

    public StateInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
