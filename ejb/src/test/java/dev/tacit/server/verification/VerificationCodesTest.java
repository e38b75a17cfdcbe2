package dev.tacit.server.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.tacit.server.time.TimeWindow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodesTest {

    private static final byte[] SECRET = filled(32, 7);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final NormalizedPhoneNumber alice = normalizer.normalize("+14155550100");
    private final NormalizedPhoneNumber bob = normalizer.normalize("+14155550101");
    private final TimeWindow window = TimeWindow.containing(Instant.parse("2026-11-25T09:00:00Z"), WINDOW);

    @Test
    void isTheHotpSha256OfTheWindowUnderThePerNumberKey() throws Exception {
        // The composition written out with the JDK's HMAC directly: K_n = HMAC(secret, label || E.164).
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] numberKey = mac.doFinal("tacit phone verification v1+14155550100".getBytes(StandardCharsets.US_ASCII));

        String expected = Hotp.generate(Hotp.Algorithm.HMAC_SHA256, numberKey, window.counter(), 6);

        assertEquals(expected, new VerificationCodes(SECRET).codeFor(alice, window).digits());
    }

    @Test
    void isSixDigitsAndTheSameEachTime() {
        VerificationCodes codes = new VerificationCodes(SECRET);

        String code = codes.codeFor(alice, window).digits();

        assertTrue(code.matches("[0-9]{6}"), code);
        assertEquals(code, new VerificationCodes(SECRET.clone()).codeFor(alice, window).digits());
    }

    @Test
    void differsByNumberWindowAndSecret() {
        VerificationCodes codes = new VerificationCodes(SECRET);
        String code = codes.codeFor(alice, window).digits();

        assertNotEquals(code, codes.codeFor(bob, window).digits());
        assertNotEquals(code, codes.codeFor(alice, window.previous()).digits());
        assertNotEquals(code, new VerificationCodes(filled(32, 8)).codeFor(alice, window).digits());
    }

    @Test
    void acceptsTheCurrentAndThePreviousWindowOnly() {
        VerificationCodes codes = new VerificationCodes(SECRET);
        TimeWindow next = new TimeWindow(window.counter() + 1, WINDOW);
        TimeWindow later = new TimeWindow(window.counter() + 2, WINDOW);
        VerificationCode code = codes.codeFor(alice, window);

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
