package dev.tacit.server.keys;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Confirms at deployment, before anything else uses it, that the configured key-encryption key is the one the
 * database's secrets and keys were sealed under, so that a server started with another keystore fails at once
 * with a message that says so and how to fix it, instead of on whichever secret it happens to open first.
 *
 * <p>The proof is a sealed value that opens: the check secret this bean stores at the first start, or in a
 * database from before it, the oldest sealed secret or key. Other startup beans that use keys depend on it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // runs once, at start
public class KeyEncryptionKeyCheck {

    /** A random secret of no other use, sealed like every other, whose opening proves the key. */
    static final String CHECK_SECRET = "key-encryption-key-check";
    private static final int CHECK_BYTES = 32;

    @Inject
    KeyEncryptionKey keyEncryptionKey;

    @Inject
    SecretSealer sealer;

    @Inject
    ServerSecretStore secretStore;

    @Inject
    ServerSecrets secrets;

    @Inject
    RotatingKeyStore keyStore;

    @Inject
    RotatingKeys rotatingKeys;

    @PostConstruct
    void confirm() {
        try {
            Optional<ServerSecret> secret = secretStore.preferring(CHECK_SECRET);
            if (secret.isPresent()) {
                sealer.open(secret.get().name(), secret.get().sealed());
            } else {
                keyStore.oldest().ifPresent(rotatingKeys::openPrivatePart);
            }
        } catch (IllegalStateException doesNotOpen) {
            // Without the cause (an AEAD tag mismatch, which says nothing more), so that this message is what
            // the log shows as the innermost cause of the failed deployment.
            throw new IllegalStateException(mismatch());
        }
        secrets.getOrCreate(CHECK_SECRET, CHECK_BYTES);
    }

    private String mismatch() {
        return "The key-encryption key from " + keyEncryptionKey.source() + " does not open the secrets and keys"
                + " stored in this database: they were sealed under another key-encryption key."
                + (keyEncryptionKey.isDevelopmentKey()
                        ? " No keystore is configured, so the server used its development keystore, which is not"
                        + " the one they were sealed with (was that one deleted, or did another server create"
                        + " this database?)."
                        : "")
                + " Configure the keystore they were sealed with (tacit.keystore.path, tacit.keystore.password,"
                + " tacit.keystore.alias), or use an empty database: the accounts of this one are then lost.";
    }
}
