package dev.tacit.server.verification;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HOTP against the published vectors: RFC 4226 Appendix D (SHA-1) and RFC 6238 Appendix B (SHA-256). */
class HotpTest {

    private static final byte[] RFC4226_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RFC6238_SHA256_SECRET =
            "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
            "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
    void matchesRfc4226AppendixD(long counter, String expected) {
        assertEquals(expected, Hotp.generate(Hotp.Algorithm.HMAC_SHA1, RFC4226_SECRET, counter, 6));
    }

    @ParameterizedTest
    @CsvSource({
            "59, 46119246",
            "1111111109, 68084774",
            "1111111111, 67062674",
            "1234567890, 91819424",
            "2000000000, 90698825",
            "20000000000, 77737706"})
    void matchesRfc6238AppendixBSha256(long unixTime, String expected) {
        long timeStep = unixTime / 30; // RFC 6238: X = 30 s, T0 = 0
        assertEquals(expected, Hotp.generate(Hotp.Algorithm.HMAC_SHA256, RFC6238_SHA256_SECRET, timeStep, 8));
    }

    @Test
    void padsValuesBelowOneHundredThousandWithLeadingZeros() {
        int padded = 0;
        for (long counter = 0; counter < 2_000; counter++) {
            String value = Hotp.generate(Hotp.Algorithm.HMAC_SHA256, RFC6238_SHA256_SECRET, counter, 6);
            assertEquals(6, value.length(), value);
            padded += value.startsWith("0") ? 1 : 0;
        }
        assertTrue(padded > 0, "about one value in ten starts with 0");
    }

    @Test
    void refusesDigitCountsOutsideTheRfc() {
        assertThrows(IllegalArgumentException.class,
                () -> Hotp.generate(Hotp.Algorithm.HMAC_SHA256, RFC6238_SHA256_SECRET, 0, 5));
        assertThrows(IllegalArgumentException.class,
                () -> Hotp.generate(Hotp.Algorithm.HMAC_SHA256, RFC6238_SHA256_SECRET, 0, 9));
    }
}
