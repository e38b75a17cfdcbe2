package dev.tacit.client.state;

/**
 * The state file is not one this client can read: not a Tacit state file, of a format version it does not
 * know, or altered or damaged (its authentication tag does not verify although the passphrase is right).
 * Nothing was changed.
 */
public final class CorruptStateException extends StateException {

    private static final long serialVersionUID = 1L;

    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
