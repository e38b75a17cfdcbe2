package dev.tacit.server.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretSealerTest {

    private static final byte[] SECRET = "thirty-two bytes of secret data!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    private SecretSealer sealer;

    @BeforeEach
    void sealerWithADevelopmentKey() {
        sealer = new SecretSealer();
        sealer.keyEncryptionKey = KeyEncryptionKeyTest.configured(Optional.empty(), Optional.empty(), directory);
    }

    @Test
    void opensWhatItSealed() {
        assertArrayEquals(SECRET, sealer.open("mac-key", sealer.seal("mac-key", SECRET)));
    }

    @Test
    void theSealedFormHidesTheSecretAndDiffersEachTime() {
        byte[] first = sealer.seal("mac-key", SECRET);
        byte[] second = sealer.seal("mac-key", SECRET);

        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains(new String(SECRET, StandardCharsets.ISO_8859_1)));
        assertFalse(java.util.Arrays.equals(first, second));
    }

    @Test
    void aSecretSealedUnderOneNameDoesNotOpenUnderAnother() {
        byte[] sealed = sealer.seal("mac-key", SECRET);

        assertThrows(IllegalStateException.class, () -> sealer.open("other-key", sealed));
    }

    @Test
    void aTamperedSecretDoesNotOpen() {
        byte[] sealed = sealer.seal("mac-key", SECRET);
        sealed[sealed.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> sealer.open("mac-key", sealed));
    }

    @Test
    void aTruncatedSecretDoesNotOpen() {
        assertThrows(IllegalStateException.class, () -> sealer.open("mac-key", new byte[] {1, 2, 3}));
    }
}
