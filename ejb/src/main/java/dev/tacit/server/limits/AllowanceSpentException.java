package dev.tacit.server.limits;

import jakarta.ejb.ApplicationException;

/** An allowance has no use left in its window; nothing of the request that asked for it was counted. */
@ApplicationException(rollback = true)
public final class AllowanceSpentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Allowance allowance;

    public AllowanceSpentException(Allowance allowance) {
        super("an allowance is spent until " + allowance.windowEnd(), null, false, false);
        this.allowance = allowance;
    }

    /** The allowance that had no use left. */
    public Allowance allowance() {
        return allowance;
    }
}
