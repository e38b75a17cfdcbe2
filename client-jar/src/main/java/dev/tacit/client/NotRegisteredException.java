package dev.tacit.client;

/**
 * The operation needs an account this client has not registered yet (its state holds none): register first.
 */
public class NotRegisteredException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public NotRegisteredException(String message) {
        super(message);
    }
}
