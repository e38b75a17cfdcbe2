package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** Updates that would make the account's chain longer than {@code tacit.groups.max-updates} (§4.29); nothing stored. */
@ApplicationException(rollback = true)
public class GroupKeyChainFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int maxUpdates;

    public GroupKeyChainFullException(int maxUpdates) {
        super("the account's group key chain would hold more than " + maxUpdates
                + " updates: replace the group (contacts start over with a first contact)");
        this.maxUpdates = maxUpdates;
    }

    public int maxUpdates() {
        return maxUpdates;
    }
}
