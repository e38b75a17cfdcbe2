package dev.tacit.server.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * An authentic statement about a phone number that this server issued and {@link NumberClaimCodec} has
 * checked: its random nonce, the instant it names (an expiry) and the number, with the exact payload bytes
 * the server MAC'd. Never printed whole.
 */
record NumberClaim(byte[] payload, VerificationNonce nonce, Instant instant, NormalizedPhoneNumber number) {

    NumberClaim {
        payload = payload.clone();
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(number, "number");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "NumberClaim[until " + instant + "]";
    }
}
