package dev.tacit.server.keys;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import dev.tacit.server.settings.TestSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionKeyTest {

    @TempDir
    Path directory;

    @Test
    void readsTheAesKeyFromTheOperatorsKeystore() throws Exception {
        SecretKey operatorKey = aesKey(256);
        Path keystore = writeKeystore(directory, "tacit-kek", operatorKey, "changeit");

        KeyEncryptionKey kek = configured(Optional.of(keystore.toString()), Optional.of("changeit"), directory);

        assertArrayEquals(operatorKey.getEncoded(), kek.secretKey().getEncoded());
    }

    @Test
    void refusesAKeystoreWithoutTheAlias() throws Exception {
        Path keystore = writeKeystore(directory, "another-alias", aesKey(256), "changeit");

        assertThrows(IllegalStateException.class,
                () -> configured(Optional.of(keystore.toString()), Optional.of("changeit"), directory));
    }

    @Test
    void refusesAShortKey() throws Exception {
        Path keystore = writeKeystore(directory, "tacit-kek", aesKey(128), "changeit");

        assertThrows(IllegalStateException.class,
                () -> configured(Optional.of(keystore.toString()), Optional.of("changeit"), directory));
    }

    @Test
    void withoutAKeystoreTheDevelopmentKeyIsCreatedOnceAndKept() {
        KeyEncryptionKey first = configured(Optional.empty(), Optional.empty(), directory);
        KeyEncryptionKey second = configured(Optional.empty(), Optional.empty(), directory);

        assertTrue(Files.exists(directory.resolve("tacit/development-kek.p12")));
        assertEquals(32, first.secretKey().getEncoded().length);
        assertArrayEquals(first.secretKey().getEncoded(), second.secretKey().getEncoded());
    }

    static KeyEncryptionKey configured(Optional<String> path, Optional<String> password, Path dataDirectory) {
        Map<String, String> properties = new HashMap<>();
        path.ifPresent(value -> properties.put("tacit.keystore.path", value));
        password.ifPresent(value -> properties.put("tacit.keystore.password", value));
        KeyEncryptionKey kek = new KeyEncryptionKey();
        kek.settings = TestSettings.of(properties);
        kek.dataDirectory = dataDirectory;
        kek.load();
        return kek;
    }

    /** A key-encryption key from a new operator keystore under {@code directory}. */
    static KeyEncryptionKey operatorKey(Path directory) throws Exception {
        Path keystore = writeKeystore(directory, "tacit-kek", aesKey(256), "changeit");
        return configured(Optional.of(keystore.toString()), Optional.of("changeit"), directory);
    }

    private static Path writeKeystore(Path directory, String alias, SecretKey key, String password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password.toCharArray()));
        Path path = directory.resolve("kek.p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            keyStore.store(out, password.toCharArray());
        }
        return path;
    }

    private static SecretKey aesKey(int bits) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(bits);
        return generator.generateKey();
    }
}
