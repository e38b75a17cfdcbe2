package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/**
 * A contact's catch-up (docs/protocol.md §4.30) refused: the timestamp is not fresh, the recipient has no account,
 * the key is not one of its chain's, or the signature does not verify under it. One exception for all, so that the
 * answer says nothing about which.
 */
@ApplicationException(rollback = true)
public class GroupKeyUpdatesRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GroupKeyUpdatesRefusedException() {
        super("no group key updates for this request: the credential's group key is not the recipient's, or the"
                + " signature or its time does not check out");
    }
}
