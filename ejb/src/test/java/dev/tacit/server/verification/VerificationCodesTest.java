package dev.tacit.server.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodesTest {

    private static final byte[] SECRET = filled(32, 7);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final NormalizedPhoneNumber alice = normalizer.normalize("+14155550100");
    private final NormalizedPhoneNumber bob = normalizer.normalize("+14155550101");
    private final TimeWindow window = TimeWindow.containing(Instant.parse("2026-11-25T09:00:00Z"), WINDOW);

    /*
     * Fixed vectors, computed outside this code base (Python's hmac module): K_n = HMAC-SHA256(secret,
     * "tacit phone verification v1" || E.164), code = RFC 4226 truncation of HMAC-SHA256(K_n, counter) mod 10^6,
     * secret = 32 bytes of 0x07 (0x08 for the last), window counter 2992662 = 2026-11-25T09:00Z / 600 s.
     */

    @Test
    void isTheHotpSha256OfTheWindowUnderThePerNumberKey() {
        assertEquals(2_992_662, window.counter());
        assertEquals("456694", new VerificationCodes(SECRET).codeFor(alice, window).digits());
    }

    @Test
    void differsByNumberWindowAndSecretAndKeepsLeadingZeros() {
        VerificationCodes codes = new VerificationCodes(SECRET);

        assertEquals("950906", codes.codeFor(bob, window).digits());
        assertEquals("014493", codes.codeFor(alice, window.previous()).digits());
        assertEquals("385563", codes.codeFor(alice, new TimeWindow(window.counter() + 1, WINDOW)).digits());
        assertEquals("604228", new VerificationCodes(filled(32, 8)).codeFor(alice, window).digits());
    }

    @Test
    void acceptsTheCurrentAndThePreviousWindowOnly() {
        VerificationCodes codes = new VerificationCodes(SECRET);
        TimeWindow next = new TimeWindow(window.counter() + 1, WINDOW);
        TimeWindow later = new TimeWindow(window.counter() + 2, WINDOW);
        VerificationCode code = VerificationCode.of("456694");

        assertTrue(codes.accepts(alice, code, window));
        assertTrue(codes.accepts(alice, code, next));
        assertFalse(codes.accepts(alice, code, later), "expired two windows on");
        assertFalse(codes.accepts(alice, code, window.previous()), "not valid before its window");
        assertFalse(codes.accepts(bob, code, window), "bound to its number");
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

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
