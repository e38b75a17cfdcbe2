package dev.tacit.client.state;

/**
 * The passphrase does not open this state directory: the key derived from it does not match the one the state
 * was written with. Nothing was changed; try again with the right passphrase.
 */
public final class WrongPassphraseException extends StateException {

    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
        super(message);
    }

    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
