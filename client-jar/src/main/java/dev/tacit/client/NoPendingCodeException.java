package dev.tacit.client;

/**
 * A code was given to confirm, but no verification code is awaiting confirmation (none was requested, or it
 * was already used): request one first.
 */
public class NoPendingCodeException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public NoPendingCodeException(String message) {
        super(message);
    }
}
