package dev.tacit.client;

/**
 * The operation needs something of a contact this state does not hold: a conversation to reply in, the member
 * credential they hand over in their first reply, or a first contact of theirs to release or report.
 */
public final class NoSuchContactException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public NoSuchContactException(String message) {
        super(message);
    }
}
