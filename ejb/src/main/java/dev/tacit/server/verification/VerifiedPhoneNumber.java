package dev.tacit.server.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * What an authentic, unexpired verification token proves: {@code number} was verified, and the proof is
 * valid until {@code expiresAt}. The token is stateless: the consumer must record {@code nonce} and refuse
 * it a second time.
 */
public record VerifiedPhoneNumber(NormalizedPhoneNumber number, VerificationNonce nonce, Instant expiresAt) {

    public VerifiedPhoneNumber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
