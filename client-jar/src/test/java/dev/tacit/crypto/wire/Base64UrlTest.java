package dev.tacit.crypto.wire;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Base64UrlTest {

    /** RFC 4648 §10's test vectors, which read the same in base64url (no 62 or 63 among them). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "|        |",
            "f      | Zg      | Zg==",
            "fo     | Zm8     | Zm8=",
            "foo    | Zm9v    | Zm9v",
            "foob   | Zm9vYg  | Zm9vYg==",
            "fooba  | Zm9vYmE | Zm9vYmE=",
            "foobar | Zm9vYmFy | Zm9vYmFy"})
    void rfc4648Vectors(String data, String unpadded, String padded) throws Exception {
        byte[] bytes = (data == null ? "" : data).getBytes(StandardCharsets.US_ASCII);
        String expectedUnpadded = unpadded == null ? "" : unpadded;
        String expectedPadded = padded == null ? "" : padded;

        assertEquals(expectedUnpadded, Base64Url.encode(bytes));
        assertEquals(expectedPadded, Base64Url.encodePadded(bytes));
        assertArrayEquals(bytes, Base64Url.decode(expectedUnpadded));
        assertArrayEquals(bytes, Base64Url.decodePadded(expectedPadded));
    }

    /** The two characters where base64url differs from base64 (RFC 4648 §5): 62 is '-', 63 is '_'. */
    @Test
    void urlSafeAlphabet() throws Exception {
        byte[] all62 = {(byte) 0xfb, (byte) 0xef, (byte) 0xbe}; // 111110 111110 111110 111110
        byte[] all63 = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] tail = {(byte) 0xfb, (byte) 0xf0};                 // 111110 111111 0000(00)

        assertEquals("----", Base64Url.encode(all62));
        assertEquals("____", Base64Url.encode(all63));
        assertEquals("-_A", Base64Url.encode(tail));
        assertEquals("-_A=", Base64Url.encodePadded(tail));
        assertArrayEquals(all62, Base64Url.decode("----"));
        assertArrayEquals(all63, Base64Url.decode("____"));
        assertArrayEquals(tail, Base64Url.decode("-_A"));
        assertArrayEquals(tail, Base64Url.decodePadded("-_A="));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Zg==", "Zm8=", "Zg=", "Zm9v=",         // padding, where the API has none
            "Z", "Zm9vY",                           // lengths no encoding has
            "Zh", "Zm9", "Zm9vYh",                  // unused low bits set: non-canonical twins of Zg, Zm8, Zm9vYg
            "+/8", "Zm9v+w", "Zm9v/w",              // base64's characters, not base64url's
            "Zm9 v", " Zm9v", "Zm9v\n", "Zm9v\r\n", "Zm\t9v",
            "Zm9vYmFy.", "Zm9v*", "Zm9vé", "Ｚm9v", "Zm9v\u0000"})
    void unpaddedDecodingRejectsEverythingButTheCanonicalForm(String text) {
        assertThrows(MalformedEncodingException.class, () -> Base64Url.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Zg", "Zm8", "Zm9vYg",                  // padding missing
            "Zg=", "Zg===", "Zm8==", "Zm9v====",    // wrong amount of padding
            "Z===", "====", "=Zg=", "Z=g=",         // padding in the wrong place
            "Zh==", "Zm9=",                         // unused low bits set
            "+/8=", "Zm9v Zg==", "Zg==\n"})
    void paddedDecodingRejectsEverythingButTheCanonicalForm(String text) {
        assertThrows(MalformedEncodingException.class, () -> Base64Url.decodePadded(text));
    }

    @Test
    void rejectsNull() {
        assertThrows(MalformedEncodingException.class, () -> Base64Url.decode(null));
        assertThrows(MalformedEncodingException.class, () -> Base64Url.decodePadded(null));
    }

    @Test
    void patternAcceptsTheAlphabetOnly() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        assertEquals(true, alphabet.matches(Base64Url.PATTERN));
        for (String outside : new String[] {"+", "/", "=", " ", "."}) {
            assertEquals(false, outside.matches(Base64Url.PATTERN), outside);
        }
    }
}
