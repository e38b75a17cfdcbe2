package dev.tacit.server.verification;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226): HMAC of the 8-byte big-endian counter, dynamic truncation (§5.3), modulo 10^digits,
 * zero-padded. Verification codes use its truncation on an HMAC over a send ({@link VerificationCodes});
 * {@link #generate} keeps the whole algorithm, so the truncation is checked against the RFCs' vectors.
 */
final class Hotp {

    /** The MAC functions RFC 4226 and RFC 6238 define HOTP with; Tacit uses HMAC-SHA256. */
    enum Algorithm {
        HMAC_SHA1("HmacSHA1"),
        HMAC_SHA256("HmacSHA256");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Hotp() {
    }

    /** The HOTP value of {@code counter} under {@code key}, as exactly {@code digits} (6 to 8) decimal digits. */
    static String generate(Algorithm algorithm, byte[] key, long counter, int digits) {
        return truncate(hmac(algorithm, key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array()), digits);
    }

    /**
     * RFC 4226 §5.3 on any HMAC value of at least 20 bytes: dynamic truncation (the offset is the low four bits
     * of the last byte, as RFC 6238 does for SHA-256), modulo 10^digits, zero-padded to {@code digits} (6 to 8).
     */
    static String truncate(byte[] hash, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("HOTP values have 6 to 8 digits");
        }
        if (hash.length < 20) {
            throw new IllegalArgumentException("dynamic truncation needs at least 20 bytes");
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24
                | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    static byte[] hmac(Algorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName);
            mac.init(new SecretKeySpec(key, algorithm.jcaName));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform supports " + algorithm.jcaName, e);
        }
    }
}
