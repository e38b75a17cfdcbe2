package dev.tacit.crypto;

/**
 * The one source of {@link SecretKeyAccess}. Call it only where secret key material must leave its key type,
 * and only to protect or store it: sealing a server key under the key-encryption key, writing a client's
 * encrypted key store.
 */
public final class InsecureSecretKeyAccess {

    private InsecureSecretKeyAccess() {
    }

    public static SecretKeyAccess get() {
        return SecretKeyAccess.instance();
    }
}
