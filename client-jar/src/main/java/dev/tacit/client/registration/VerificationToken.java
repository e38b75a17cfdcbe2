package dev.tacit.client.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof from the server that this client received the code texted to a number; spent by
 * {@link RegistrationClient#register}. Opaque; a bearer secret until it expires, so never printed.
 */
public final class VerificationToken {

    private final String value;
    private final Instant expiresAt;

    public VerificationToken(String value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** The token itself, as the server issued it: a secret until it expires. */
    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "VerificationToken[expiresAt=" + expiresAt + "]";
    }
}
