package dev.tacit.server.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * The proof of a send as handed to whoever asked for it: an opaque string that confirming the texted code
 * requires, valid until {@code expiresAt}. {@link #toString()} leaves the proof out.
 */
public record IssuedSendProof(String proof, Instant expiresAt) {

    public IssuedSendProof {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedSendProof[expiresAt=" + expiresAt + "]";
    }
}
