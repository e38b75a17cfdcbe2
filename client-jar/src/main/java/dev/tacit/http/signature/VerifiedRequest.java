package dev.tacit.http.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * A request whose signature verified. The server MUST still reject it if it has seen
 * ({@link #keyId()}, {@link #nonce()}) before, and remember that pair at least until {@link #acceptedUntil()},
 * after which the signature is no longer fresh and cannot be replayed anyway.
 *
 * @param keyId the account's E.164 phone number
 * @param created the signature's {@code created} parameter
 * @param nonce the signature's nonce, unpadded base64url as sent
 * @param acceptedUntil the last instant the verifier would accept this signature
 */
public record VerifiedRequest(String keyId, Instant created, String nonce, Instant acceptedUntil) {

    public VerifiedRequest {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(created);
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(acceptedUntil);
    }
}
