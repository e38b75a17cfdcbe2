package dev.tacit.server.keys;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import dev.tacit.server.startup.ServerMode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionKeyTest {

    @TempDir
    Path directory;

    @AfterEach
    void clearDataDirectory() {
        System.clearProperty("jboss.server.data.dir");
    }

    @Test
    void readsTheAesKeyFromTheOperatorsKeystore() throws Exception {
        SecretKey operatorKey = aesKey(256);
        Path keystore = writeKeystore("tacit-kek", operatorKey, "changeit");

        KeyEncryptionKey kek = configured(Optional.of(keystore.toString()), Optional.of("changeit"));

        assertArrayEquals(operatorKey.getEncoded(), kek.secretKey().getEncoded());
    }

    @Test
    void refusesAKeystoreWithoutTheAlias() throws Exception {
        Path keystore = writeKeystore("another-alias", aesKey(256), "changeit");

        assertThrows(IllegalStateException.class, () -> configured(Optional.of(keystore.toString()), Optional.of("changeit")));
    }

    @Test
    void refusesAShortKey() throws Exception {
        Path keystore = writeKeystore("tacit-kek", aesKey(128), "changeit");

        assertThrows(IllegalStateException.class, () -> configured(Optional.of(keystore.toString()), Optional.of("changeit")));
    }

    @Test
    void withoutAKeystoreTheDevelopmentKeyIsCreatedOnceAndKept() {
        System.setProperty("jboss.server.data.dir", directory.toString());

        KeyEncryptionKey first = configured(Optional.empty(), Optional.empty());
        KeyEncryptionKey second = configured(Optional.empty(), Optional.empty());

        assertTrue(Files.exists(directory.resolve("tacit/development-kek.p12")));
        assertEquals(32, first.secretKey().getEncoded().length);
        assertArrayEquals(first.secretKey().getEncoded(), second.secretKey().getEncoded());
    }

    @Test
    void productionModeRefusesToGenerateADevelopmentKey() {
        System.setProperty("jboss.server.data.dir", directory.toString());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> configured(Optional.empty(), Optional.empty(), "production"));

        assertTrue(refused.getMessage().contains("TACIT_KEYSTORE_PATH"), refused.getMessage());
        assertFalse(Files.exists(directory.resolve("tacit/development-kek.p12")));
    }

    static KeyEncryptionKey configured(Optional<String> path, Optional<String> password) {
        return configured(path, password, "development");
    }

    private static KeyEncryptionKey configured(Optional<String> path, Optional<String> password, String mode) {
        KeyEncryptionKey kek = new KeyEncryptionKey();
        kek.keystorePath = path;
        kek.keystorePassword = password;
        kek.alias = "tacit-kek";
        kek.mode = ServerMode.of(mode);
        kek.load();
        return kek;
    }

    private Path writeKeystore(String alias, SecretKey key, String password) throws Exception {
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
