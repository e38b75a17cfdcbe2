package dev.tacit.server.accounts;

import java.time.Instant;

import jakarta.ejb.ApplicationException;

/**
 * The number's account is active, so only a request signed by its identity key re-registers it until
 * {@link #lockedUntil()} (docs/protocol.md §4.7); nothing was stored.
 */
@ApplicationException(rollback = true)
public class RegistrationLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Instant lockedUntil;

    public RegistrationLockedException(Instant lockedUntil) {
        super("the number's account is active and locked until " + lockedUntil
                + "; re-register with a request signed by its identity key", null, false, false);
        this.lockedUntil = lockedUntil;
    }

    /** When the lock lapses unless the account is active again before. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
