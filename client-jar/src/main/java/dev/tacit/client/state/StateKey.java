package dev.tacit.client.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys a passphrase gives one state directory: Argon2id of the passphrase and the directory's salt, expanded
 * with HKDF-SHA256 (RFC 5869, no salt) into the AES-256-GCM key of the state file ({@code info}
 * "tacit state v1 encryption key", 32 bytes) and a key check stored in the header ({@code info}
 * "tacit state v1 key check", 16 bytes), which tells a wrong passphrase from a damaged file.
 */
final class StateKey {

    static final int KEY_CHECK_BYTES = 16;
    private static final byte[] ENCRYPTION_INFO = "tacit state v1 encryption key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_CHECK_INFO = "tacit state v1 key check".getBytes(StandardCharsets.US_ASCII);

    private final Argon2idParameters parameters;
    private final byte[] salt;
    private final byte[] encryptionKey;
    private final byte[] keyCheck;

    private StateKey(Argon2idParameters parameters, byte[] salt, byte[] encryptionKey, byte[] keyCheck) {
        this.parameters = parameters;
        this.salt = salt;
        this.encryptionKey = encryptionKey;
        this.keyCheck = keyCheck;
    }

    static StateKey derive(char[] passphrase, Argon2idParameters parameters, byte[] salt) {
        byte[] master = parameters.derive(passphrase, salt);
        try {
            return new StateKey(parameters, salt.clone(), expand(master, ENCRYPTION_INFO, 32),
                    expand(master, KEY_CHECK_INFO, KEY_CHECK_BYTES));
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    private static byte[] expand(byte[] master, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    Argon2idParameters parameters() {
        return parameters;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] keyCheck() {
        return keyCheck.clone();
    }

    byte[] encryptionKey() {
        return encryptionKey;
    }

    /** Whether {@code stored}, a header's key check, is this key's: compared in constant time. */
    boolean matches(byte[] stored) {
        return MessageDigest.isEqual(keyCheck, stored);
    }

    void destroy() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(keyCheck, (byte) 0);
    }

    @Override
    public String toString() {
        return "StateKey[<redacted>]";
    }
}
