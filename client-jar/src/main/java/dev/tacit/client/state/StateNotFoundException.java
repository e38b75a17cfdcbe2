package dev.tacit.client.state;

/** The directory holds no client state yet: create one ({@link StateDirectory#create}) first. */
public final class StateNotFoundException extends StateException {

    private static final long serialVersionUID = 1L;

    public StateNotFoundException(String message) {
        super(message);
    }

    public StateNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
