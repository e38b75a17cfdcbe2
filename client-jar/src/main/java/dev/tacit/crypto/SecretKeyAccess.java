package dev.tacit.crypto;

/**
 * Permission to read secret key material out of a key type: the few methods that hand out a private key's
 * bytes (to seal them into a key store, to serialise a session) take one, so that no ordinary getter, logging
 * statement or serialiser reaches them by accident (Tink's pattern). Obtained only from
 * {@link InsecureSecretKeyAccess#get()}, whose name makes every use stand out in review.
 */
public final class SecretKeyAccess {

    private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

    private SecretKeyAccess() {
    }

    static SecretKeyAccess instance() {
        return INSTANCE;
    }

    /**
     * Checks that the caller holds access.
     *
     * @throws SecurityException if {@code access} is null
     */
    public static void require(SecretKeyAccess access) {
        if (access == null) {
            throw new SecurityException("reading secret key material needs a SecretKeyAccess");
        }
    }
}
