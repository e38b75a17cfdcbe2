package dev.tacit.server.verification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Computes the code texted with a send from a server secret and the send proof's payload alone, so that
 * nothing about a send needs storing and a code exists only for a send that happened: code = the six-digit
 * RFC 4226 truncation of HMAC-SHA256(code secret, "tacit phone verification v2" || payload), where the payload
 * (docs/protocol.md §4.5) holds the send id, the expiry and the number.
 */
final class VerificationCodes {

    private static final byte[] LABEL = "tacit phone verification v2".getBytes(StandardCharsets.US_ASCII);
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    VerificationCodes(byte[] secret) {
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the code secret must have at least " + MIN_SECRET_LENGTH + " bytes");
        }
        this.secret = secret.clone();
    }

    VerificationCode codeFor(NumberClaim send) {
        byte[] payload = send.payload();
        byte[] message = Arrays.copyOf(LABEL, LABEL.length + payload.length);
        System.arraycopy(payload, 0, message, LABEL.length, payload.length);
        return VerificationCode.of(Hotp.truncate(Hotp.hmac(Hotp.Algorithm.HMAC_SHA256, secret, message),
                VerificationCode.DIGITS));
    }

    /** Whether {@code code} is the code of {@code send}; compared in constant time. */
    boolean accepts(NumberClaim send, VerificationCode code) {
        return codeFor(send).matches(code);
    }
}
