package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(900);

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final NormalizedPhoneNumber number = normalizer.normalize("+14155550100");
    private final VerificationTokenCodec codec = codec(filled(32, 1));

    @Test
    void provesTheNumberUntilExpiry() {
        IssuedVerificationToken issued = codec.issue(number, EXPIRY);

        VerifiedPhoneNumber verified = codec.check(issued.token(), EXPIRY.minusSeconds(1));

        assertEquals(number, verified.number());
        assertEquals(EXPIRY, verified.expiresAt());
        assertEquals(EXPIRY, issued.expiresAt());
    }

    /**
     * A fixed vector, computed outside this code base (Python's hmac and base64 modules): secret 32 bytes of
     * 0x01, nonce 00 01 .. 0f, expiry 2026-11-25T09:15:00Z (1795598100), number +14155550100.
     */
    private static final String VECTOR = "AQABAgMEBQYHCAkKCwwNDg8AAAAAawanFCsxNDE1NTU1MDEwMA"
            + ".8LFzbMdSOfh25j0ZfCz6xsNWqwelLngNhvg6HVo25QI";

    @Test
    void issuesTheDocumentedLayout() {
        VerificationTokenCodec counting = new VerificationTokenCodec(filled(32, 1), normalizer, countingRandom());

        assertEquals(VECTOR, counting.issue(number, EXPIRY).token());
    }

    @Test
    void readsTheDocumentedLayout() {
        VerifiedPhoneNumber verified = codec.check(VECTOR, NOW);

        assertEquals("+14155550100", verified.number().e164());
        assertEquals(Instant.parse("2026-11-25T09:15:00Z"), verified.expiresAt());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, verified.nonce().bytes());
    }

    @Test
    void eachTokenHasItsOwnNonce() {
        VerifiedPhoneNumber first = codec.check(codec.issue(number, EXPIRY).token(), NOW);
        VerifiedPhoneNumber second = codec.check(codec.issue(number, EXPIRY).token(), NOW);

        assertNotEquals(first.nonce(), second.nonce());
        assertEquals(22, first.nonce().encoded().length());
    }

    @Test
    void expiresAtItsExpiry() {
        String token = codec.issue(number, EXPIRY).token();

        assertThrows(ExpiredVerificationTokenException.class, () -> codec.check(token, EXPIRY));
        assertThrows(ExpiredVerificationTokenException.class, () -> codec.check(token, EXPIRY.plusSeconds(3600)));
    }

    @Test
    void anotherSecretsTokenIsInvalid() {
        String token = codec(filled(32, 2)).issue(number, EXPIRY).token();

        assertThrows(InvalidVerificationTokenException.class, () -> codec.check(token, NOW));
    }

    @Test
    void anyChangedBitIsInvalid() {
        String token = codec.issue(number, EXPIRY).token();
        for (String forged : Forgeries.oneBitChanged(token)) {
            assertThrows(InvalidVerificationTokenException.class, () -> codec.check(forged, NOW), forged);
        }
    }

    @Test
    void aLaterExpiryCannotBeGrafted() {
        String[] original = codec.issue(number, EXPIRY).token().split("\\.");
        String[] later = codec.issue(number, EXPIRY.plusSeconds(86_400)).token().split("\\.");

        assertThrows(InvalidVerificationTokenException.class, () -> codec.check(later[0] + "." + original[1], NOW));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", ".", "abc", "abc.def", "a.b.c", "AQ==.AQ==", "!!!.???"})
    void malformedTokensAreInvalid(String token) {
        assertThrows(InvalidVerificationTokenException.class, () -> codec.check(token, NOW));
    }

    @Test
    void overlongTokensAreInvalidWithoutDecoding() {
        String token = codec.issue(number, EXPIRY).token();

        assertThrows(InvalidVerificationTokenException.class, () -> codec.check(token + "A".repeat(200), NOW));
    }

    @Test
    void theIssuedTokenIsNotPrinted() {
        IssuedVerificationToken issued = codec.issue(number, EXPIRY);

        assertTrue(!issued.toString().contains(issued.token()));
    }

    /** Yields the bytes 00, 01, 02, ...: a fixed nonce for a fixed vector. */
    private static SecureRandom countingRandom() {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) next++;
                }
            }
        };
    }

    private VerificationTokenCodec codec(byte[] secret) {
        return new VerificationTokenCodec(secret, normalizer, new SecureRandom());
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
