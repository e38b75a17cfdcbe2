package dev.tacit.crosscheck;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869) on the JDK's HMAC (SunJCE). */
final class Hkdf {

    static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
        // An empty HMAC key equals HashLen zero bytes (keys are zero-padded to the block); the JDK refuses empty keys.
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[HASH_LENGTH] : key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    /** HKDF-Extract(salt, IKM); an empty salt stands for HashLen zeros (RFC 5869 §2.2). */
    static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        return hmac(salt, ikm);
    }

    /** HKDF-Expand(PRK, info, L). */
    static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output too long");
        }
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            t = hmac(prk, Octets.concat(t, info, new byte[] {(byte) i}));
            okm.writeBytes(t);
        }
        return Octets.slice(okm.toByteArray(), 0, length);
    }

    static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return expand(extract(salt, ikm), info, length);
    }
}
