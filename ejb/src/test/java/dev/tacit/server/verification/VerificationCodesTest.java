package dev.tacit.server.verification;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code of a send, against vectors computed independently of this code (Python's hmac module):
 * code = RFC 4226 truncation of HMAC-SHA256(code secret, "tacit phone verification v2" || payload), for the
 * code secret 0x07 × 32 and the send proof payload 0x02 || send id || I2OSP(1795597200, 8) || "+14155550100".
 */
class VerificationCodesTest {

    private static final byte[] CODE_SECRET = filled(32, 7);
    private static final byte[] SEND_SECRET = filled(32, 5);
    private static final Instant SENT_AT = Instant.parse("2026-11-25T09:00:00Z");

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final NormalizedPhoneNumber alice = normalizer.normalize("+14155550100");
    private final VerificationCodes codes = new VerificationCodes(CODE_SECRET);

    @Test
    void isTheTruncatedHmacOfTheSendPayload() {
        // send id 000102…0f: HMAC 86ac9d84…6344517276, offset 6, 0x1691…→ 307844
        assertEquals("307844", codes.codeFor(send(0)).digits());
    }

    @Test
    void eachSendHasItsOwnCode() {
        // send id 0102…10, same number and instant
        assertEquals("943375", codes.codeFor(send(1)).digits());
    }

    @Test
    void acceptsTheSendsCodeOnly() {
        NumberClaim send = send(0);

        assertTrue(codes.accepts(send, VerificationCode.of("307844")));
        assertFalse(codes.accepts(send, VerificationCode.of("307845")));
        assertFalse(codes.accepts(send(1), VerificationCode.of("307844")), "bound to its send");
        assertFalse(new VerificationCodes(filled(32, 8)).accepts(send, VerificationCode.of("307844")),
                "bound to the secret");
    }

    @Test
    void refusesShortSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new VerificationCodes(filled(31, 1)));
    }

    @Test
    void codesAreSixAsciiDigitsAndNeverPrinted() {
        assertThrows(WrongVerificationCodeException.class, () -> VerificationCode.of("12345"));
        assertThrows(WrongVerificationCodeException.class, () -> VerificationCode.of("1234567"));
        assertThrows(WrongVerificationCodeException.class, () -> VerificationCode.of("12345a"));
        assertThrows(WrongVerificationCodeException.class, () -> VerificationCode.of("１２３４５６"));
        assertThrows(WrongVerificationCodeException.class, () -> VerificationCode.of(null));
        assertFalse(VerificationCode.of("123456").toString().contains("123456"));
    }

    /** The send to alice at SENT_AT whose send id counts up from {@code firstByte}. */
    private NumberClaim send(int firstByte) {
        return new SendProofCodec(SEND_SECRET, normalizer, new FixedRandom(firstByte)).issue(alice, SENT_AT).claim();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
