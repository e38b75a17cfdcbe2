package dev.tacit.client.registration;

import java.time.Instant;

import dev.tacit.client.ProblemResponseException;

/**
 * The number's account is in use, so the server refused to re-register it without the account's identity key
 * (problem {@code urn:tacit:problem:registration-locked}, docs/protocol.md §4.7). Re-register with
 * {@link RegistrationClient#reRegister} and the current key, or after {@link #lockedUntil()}.
 */
public final class RegistrationLockedException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:registration-locked";

    private final Instant lockedUntil;

    RegistrationLockedException(ProblemResponseException problem, Instant lockedUntil) {
        super(problem);
        this.lockedUntil = lockedUntil;
    }

    /** When the lock lapses unless the account is active again before then. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
