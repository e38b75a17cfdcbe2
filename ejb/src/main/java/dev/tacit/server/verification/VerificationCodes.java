package dev.tacit.server.verification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.tacit.server.time.TimeWindow;

/**
 * Computes the code for a number and a window from a server secret alone, so that nothing about a request
 * needs storing: the per-number key is K_n = HMAC-SHA256(secret, "tacit phone verification v1" || E.164),
 * and the code is the six-digit HOTP-SHA256 value (RFC 4226 truncation, RFC 6238 with SHA-256) of the window
 * counter under K_n.
 */
final class VerificationCodes {

    private static final byte[] LABEL = "tacit phone verification v1".getBytes(StandardCharsets.US_ASCII);
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    VerificationCodes(byte[] secret) {
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the code secret must have at least " + MIN_SECRET_LENGTH + " bytes");
        }
        this.secret = secret.clone();
    }

    VerificationCode codeFor(NormalizedPhoneNumber number, TimeWindow window) {
        byte[] numberKey = numberKey(number);
        try {
            return VerificationCode.of(Hotp.generate(Hotp.Algorithm.HMAC_SHA256, numberKey, window.counter(),
                    VerificationCode.DIGITS));
        } finally {
            Arrays.fill(numberKey, (byte) 0);
        }
    }

    /** Whether {@code code} is the number's code in {@code window} or the window before; constant time. */
    boolean accepts(NormalizedPhoneNumber number, VerificationCode code, TimeWindow window) {
        boolean current = codeFor(number, window).matches(code);
        boolean previous = codeFor(number, window.previous()).matches(code);
        return current | previous; // both computed and compared, whichever matches
    }

    private byte[] numberKey(NormalizedPhoneNumber number) {
        byte[] e164 = number.e164().getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(LABEL, LABEL.length + e164.length);
        System.arraycopy(e164, 0, message, LABEL.length, e164.length);
        return Hotp.hmac(Hotp.Algorithm.HMAC_SHA256, secret, message);
    }
}
