package dev.tacit.server.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * A verification token as handed to the client: an opaque string, valid until {@code expiresAt}.
 * {@link #toString()} leaves the token out: it is a bearer credential.
 */
public record IssuedVerificationToken(String token, Instant expiresAt) {

    public IssuedVerificationToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedVerificationToken[expiresAt=" + expiresAt + "]";
    }
}
