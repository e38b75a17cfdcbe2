package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

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

    @Test
    void hasTheDocumentedLayout() {
        IssuedVerificationToken issued = codec.issue(number, EXPIRY);
        String[] parts = issued.token().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        byte[] tag = Base64.getUrlDecoder().decode(parts[1]);

        assertEquals(1, payload[0]);
        assertEquals(EXPIRY.getEpochSecond(), java.nio.ByteBuffer.wrap(payload, 17, 8).getLong());
        assertEquals("+14155550100", new String(payload, 25, payload.length - 25, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(Hotp.hmac(Hotp.Algorithm.HMAC_SHA256, filled(32, 1), payload), tag);
        assertArrayEquals(Arrays.copyOfRange(payload, 1, 17),
                codec.check(issued.token(), NOW).nonce().bytes());
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
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(changed) + "." + parts[1];
            assertThrows(InvalidVerificationTokenException.class, () -> codec.check(forged, NOW), "byte " + i);
        }
        byte[] tag = Base64.getUrlDecoder().decode(parts[1]);
        tag[31] ^= 1;
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        assertThrows(InvalidVerificationTokenException.class, () -> codec.check(forged, NOW));
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

    private VerificationTokenCodec codec(byte[] secret) {
        return new VerificationTokenCodec(secret, normalizer, new SecureRandom());
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
