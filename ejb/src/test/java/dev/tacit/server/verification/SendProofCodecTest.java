package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.time.Duration;
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

/** Send proofs (docs/protocol.md §4.5): the documented format, and every way a proof is refused. */
class SendProofCodecTest {

    private static final byte[] SEND_SECRET = filled(32, 5);
    private static final Instant SENT_AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration VALIDITY = Duration.ofMinutes(10);
    /**
     * Computed with Python's hmac module: payload 0x02 || 000102…0f || I2OSP(1795597200, 8) || "+14155550100",
     * tag HMAC-SHA256(0x05 × 32, payload), both base64url without padding.
     */
    private static final String PROOF = "AgABAgMEBQYHCAkKCwwNDg8AAAAAawajkCsxNDE1NTU1MDEwMA"
            + ".tddb1ri8YCbjgsjPU6OP05Z6sPihgRZYG-WNUWtpiPY";

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final NormalizedPhoneNumber alice = normalizer.normalize("+14155550100");
    private final NormalizedPhoneNumber bob = normalizer.normalize("+14155550101");
    private final SendProofCodec codec = new SendProofCodec(SEND_SECRET, normalizer, new SecureRandom());

    @Test
    void hasTheDocumentedFormat() {
        NumberClaimCodec.Issued issued = new SendProofCodec(SEND_SECRET, normalizer, new FixedRandom(0))
                .issue(alice, SENT_AT.plusMillis(999));

        assertEquals(PROOF, issued.text());
        assertEquals(SENT_AT, issued.claim().instant(), "whole seconds");
    }

    @Test
    void aDocumentedProofChecksOutUntilTheValidityHasPassed() {
        NumberClaim send = codec.check(PROOF, alice, SENT_AT.plus(VALIDITY).minusSeconds(1), VALIDITY);

        assertEquals(alice, send.number());
        assertEquals(SENT_AT, send.instant());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, send.nonce().bytes());
        assertThrows(ExpiredSendProofException.class, () -> codec.check(PROOF, alice, SENT_AT.plus(VALIDITY), VALIDITY));
    }

    @Test
    void eachSendHasItsOwnId() {
        NumberClaim first = codec.issue(alice, SENT_AT).claim();
        NumberClaim second = codec.issue(alice, SENT_AT).claim();

        assertNotEquals(first.nonce(), second.nonce());
    }

    @Test
    void aProofForAnotherNumberIsInvalid() {
        assertThrows(InvalidSendProofException.class, () -> codec.check(PROOF, bob, SENT_AT, VALIDITY));
    }

    @Test
    void aProofUnderAnotherSecretIsInvalid() {
        String proof = new SendProofCodec(filled(32, 6), normalizer, new SecureRandom()).issue(alice, SENT_AT).text();

        assertThrows(InvalidSendProofException.class, () -> codec.check(proof, alice, SENT_AT, VALIDITY));
    }

    @Test
    void aVerificationTokenIsNoProof() {
        String token = new VerificationTokenCodec(SEND_SECRET, normalizer, new SecureRandom())
                .issue(alice, SENT_AT.plus(VALIDITY)).token();

        assertThrows(InvalidSendProofException.class, () -> codec.check(token, alice, SENT_AT, VALIDITY),
                "even under the same secret, its kind byte says it is a token");
    }

    @Test
    void anyChangedBitIsInvalid() {
        for (String forged : Forgeries.oneBitChanged(PROOF)) {
            assertThrows(InvalidSendProofException.class, () -> codec.check(forged, alice, SENT_AT, VALIDITY), forged);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", ".", "abc", "abc.def", "a.b.c", "AQ==.AQ==", "!!!.???"})
    void malformedProofsAreInvalid(String proof) {
        assertThrows(InvalidSendProofException.class, () -> codec.check(proof, alice, SENT_AT, VALIDITY));
    }

    @Test
    void overlongProofsAreInvalidWithoutDecoding() {
        assertThrows(InvalidSendProofException.class,
                () -> codec.check(PROOF + "A".repeat(200), alice, SENT_AT, VALIDITY));
    }

    @Test
    void theIssuedProofIsNotPrinted() {
        NumberClaimCodec.Issued issued = codec.issue(alice, SENT_AT);

        assertEquals(-1, issued.toString().indexOf(issued.text()));
        assertEquals(-1, new IssuedSendProof(issued.text(), SENT_AT).toString().indexOf(issued.text()));
        assertEquals(-1, issued.toString().indexOf("+14155550100"));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
