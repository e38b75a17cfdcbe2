package dev.tacit.client;

/**
 * The server holds a group key for this account that is not one of the keys of the group this client manages
 * (docs/protocol.md §4.29): another device registered the number with another group. This client's blocks cannot be
 * uploaded onto it; nothing was sent.
 */
public final class GroupKeyConflictException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public GroupKeyConflictException(String message) {
        super(message);
    }
}
