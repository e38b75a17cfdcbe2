package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** Updates uploaded from an epoch that is not the account's current one (§4.29); nothing was stored. */
@ApplicationException(rollback = true)
public class GroupKeyEpochStaleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int currentEpoch;

    public GroupKeyEpochStaleException(int currentEpoch) {
        super("the account's group key is at another epoch than fromEpoch: fetch the account and build on its key");
        this.currentEpoch = currentEpoch;
    }

    /** The epoch of the account's current group key. */
    public int currentEpoch() {
        return currentEpoch;
    }
}
