package dev.tacit.web.verification;

import java.time.Instant;

import dev.tacit.server.verification.IssuedVerificationToken;

/**
 * Answer of {@code POST /v1/verification/confirm}.
 *
 * @param verificationToken proof that the number was verified, opaque to the client
 * @param expiresAt         when the proof stops being accepted
 */
public record VerificationTokenResponse(String verificationToken, Instant expiresAt) {

    static VerificationTokenResponse of(IssuedVerificationToken token) {
        return new VerificationTokenResponse(token.token(), token.expiresAt());
    }

    @Override
    public String toString() {
        return "VerificationTokenResponse[expiresAt=" + expiresAt + "]";
    }
}
