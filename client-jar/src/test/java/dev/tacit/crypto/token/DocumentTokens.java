package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.util.encoders.Hex;

/**
 * Tokens made as docs/protocol.md §2.1.6 makes its worked example: the RFC 9578 A.2 issuer key, the discovery
 * challenge of issuer {@code tacit.example} for the hour from 2026-01-01T00:00:00Z, the salt {@code 5a…} and the
 * blinding factor {@code a5…}, with a nonce of the caller's choosing. Deterministic, for the document's examples.
 */
public final class DocumentTokens {

    public static final byte[] EXAMPLE_NONCE = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private DocumentTokens() {
    }

    /** The example's challenge. */
    public static TokenChallenge challenge() {
        return TokenChallenge.forPurpose("tacit.example", TokenPurpose.DISCOVERY,
                RedemptionContext.forTimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1)));
    }

    /** The token with this nonce, and everything else as in §2.1.6. */
    public static Token token(byte[] nonce) throws Exception {
        return issuance(nonce).token();
    }

    /** The whole issuance of the token with this nonce: request, response and token. */
    static Issuance issuance(byte[] nonce) throws Exception {
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0));
        PendingToken pending = new TokenClient(issuer.publicKey(), new SecureRandom())
                .blind(challenge(), nonce, salt(), blindingFactor());
        TokenResponse response = issuer.blindSign(pending.request());
        return new Issuance(issuer, pending.request(), response, pending.finalizeToken(response));
    }

    static byte[] salt() {
        return Hex.decode("5a".repeat(48));
    }

    static BigInteger blindingFactor() {
        return new BigInteger("a5".repeat(255), 16);
    }

    record Issuance(IssuerKeyPair issuer, TokenRequest request, TokenResponse response, Token token) {
    }
}
