package dev.tacit.client.state;

import dev.tacit.client.TacitClientException;

/**
 * Base of the failures of the client's local state directory ({@link StateDirectory}): it is missing, in use,
 * locked with another passphrase, or unreadable. None of them changes what is stored.
 */
public abstract class StateException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    protected StateException(String message) {
        super(message);
    }

    protected StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
