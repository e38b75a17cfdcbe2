package dev.tacit.client.state;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The passphrase key against fixed vectors from the Argon2 reference implementation (the {@code argon2} command
 * of Debian's package argon2 0~20171227, {@code echo -n <passphrase> | argon2 <salt> -id -t T -k M -p P -l 32 -r}),
 * not from the code under test.
 */
class Argon2idParametersTest {

    @Test
    void matchesTheReferenceImplementation() {
        byte[] key = new Argon2idParameters(1024, 3, 2).derive("correct horse battery staple".toCharArray(),
                "tacit-state-salt".getBytes(StandardCharsets.US_ASCII));

        assertEquals("4e88ea069bb63755a088d32c47507658824f599d1e7af073caf06af4e61b14db", HexFormat.of().formatHex(key));
    }

    @Test
    void aPassphraseIsTheSameKeyWhicheverWayItsAccentsWereTyped() {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Argon2idParameters parameters = new Argon2idParameters(256, 2, 1);
        String expected = "9a2781467b4e8414cf45905e81ade619585e5fef192ed858cf3aea2562a76c2d"; // of UTF-8 "p\u00e4ssw\u00f6rd"

        assertEquals(expected, HexFormat.of().formatHex(parameters.derive("p\u00e4ssw\u00f6rd".toCharArray(), salt)));
        assertArrayEquals(parameters.derive("p\u00e4ssw\u00f6rd".toCharArray(), salt),
                parameters.derive("pa\u0308sswo\u0308rd".toCharArray(), salt), "decomposed accents, NFC-normalised");
    }

    @Test
    void parametersOutsideTheirBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(31, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(1024, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(Argon2idParameters.MAX_MEMORY_KIB + 1, 1, 1));
        assertEquals(new Argon2idParameters(65536, 3, 4), Argon2idParameters.RECOMMENDED, "RFC 9106 §4, second option");
    }
}
