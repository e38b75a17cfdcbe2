package dev.tacit.server.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.logging.Logger;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.settings.TacitSettings;

/**
 * The AES-256 key under which every server secret and private key is stored in the database, so that a copy
 * of the database alone reveals none of them. It comes from an operator-provided PKCS#12 keystore
 * ({@code tacit.keystore.path}, {@code tacit.keystore.password}, entry {@code tacit.keystore.alias}), made
 * for example with
 * {@code keytool -genseckey -alias tacit-kek -keyalg AES -keysize 256 -storetype PKCS12 -keystore kek.p12}.
 *
 * <p>Without a configured keystore the server creates a development one under its data directory, with a
 * fixed password, and warns: fine for a local run, no protection at all. Only in development mode: production
 * mode ({@code tacit.mode}) refuses to start without a keystore ({@code ProductionSafety}).
 */
@ApplicationScoped
public class KeyEncryptionKey {

    private static final Logger LOG = Logger.getLogger(KeyEncryptionKey.class.getName());
    /** The password of the development keystore: public in this source, so production mode refuses it. */
    public static final String DEVELOPMENT_PASSWORD = "tacit-development-only";
    private static final int KEY_BITS = 256;

    @Inject
    TacitSettings settings;

    private String alias;

    /** WildFly's data directory, which holds the development keystore. */
    Path dataDirectory = Path.of(System.getProperty("jboss.server.data.dir", "."));

    private SecretKey key;
    private Path source;
    private boolean development;

    @PostConstruct
    void load() {
        TacitSettings.Keystore keystore = settings.keystore();
        alias = keystore.alias();
        if (keystore.path().isPresent()) {
            char[] password = keystore.password()
                    .orElseThrow(() -> new IllegalStateException("tacit.keystore.path is set but tacit.keystore.password is not"))
                    .toCharArray();
            source = keystore.path().get();
            key = read(source, password);
        } else {
            source = dataDirectory.resolve("tacit").resolve("development-kek.p12");
            development = true;
            LOG.warning("No key-encryption keystore configured (tacit.keystore.path / TACIT_KEYSTORE_PATH): using the"
                    + " development keystore " + source + ". Server secrets are NOT protected; configure a keystore"
                    + " in production.");
            key = readOrCreateDevelopmentKey(source);
        }
    }

    SecretKey secretKey() {
        return key;
    }

    /** Whether the key is the development one, made by the server because no keystore is configured. */
    boolean isDevelopmentKey() {
        return development;
    }

    /** Where the key comes from, for messages about it. */
    String source() {
        return (isDevelopmentKey() ? "the development keystore " : "the keystore ") + source;
    }

    private SecretKey read(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            KeyStore.Entry entry = keyStore.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)
                    || !"AES".equalsIgnoreCase(secretEntry.getSecretKey().getAlgorithm())
                    || secretEntry.getSecretKey().getEncoded().length * 8 != KEY_BITS) {
                throw new IllegalStateException("keystore " + path + " has no AES-256 secret key under alias '" + alias + "'");
            }
            return secretEntry.getSecretKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key-encryption keystore " + path, e);
        }
    }

    private synchronized SecretKey readOrCreateDevelopmentKey(Path path) {
        char[] password = DEVELOPMENT_PASSWORD.toCharArray();
        if (!Files.exists(path)) {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(KEY_BITS, new SecureRandom());
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(generator.generateKey()),
                        new KeyStore.PasswordProtection(password));
                Files.createDirectories(path.getParent());
                Path partial = path.resolveSibling(path.getFileName() + ".new");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    keyStore.store(out, password);
                }
                Files.move(partial, path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the development keystore " + path, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create the development keystore " + path, e);
            }
        }
        return read(path, password);
    }
}
