package dev.tacit.crypto.ratchet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The key schedule of the Double Ratchet (Signal specification §5.2 recommendations, with an AEAD):
 * KDF_RK is HKDF-SHA256, KDF_CK is HMAC-SHA256 with constants 0x01/0x02, and ENCRYPT derives a
 * ChaCha20-Poly1305 key and nonce from the message key with HKDF-SHA256.
 */
final class RatchetKdf {

    static final int KEY_LENGTH = 32;
    static final int TAG_LENGTH = 16;
    static final byte[] X3DH_INFO = label("tacit/v1/x3dh");
    static final byte[] ROOT_INFO = label("tacit/v1/ratchet-root");
    static final byte[] MESSAGE_INFO = label("tacit/v1/ratchet-message");
    /** X3DH's F: 32 0xFF bytes prefixed to the DH outputs for X25519 (X3DH §2.2). */
    private static final byte[] X3DH_PREFIX = filled(32, (byte) 0xff);
    private static final byte[] ZERO_SALT = new byte[32];

    private RatchetKdf() {
    }

    /** SK = HKDF(salt = 0^32, ikm = F || DH(EK_A, SPK_B), info = "tacit/v1/x3dh" || binding, 32). */
    static byte[] x3dhSecret(byte[] dh, byte[] binding) {
        return hkdf(ZERO_SALT, concat(X3DH_PREFIX, dh), concat(X3DH_INFO, binding), KEY_LENGTH);
    }

    /** KDF_RK(rk, dh_out) = HKDF(salt = rk, ikm = dh_out, info = "tacit/v1/ratchet-root", 64), split into (rk', ck). */
    static byte[][] rootStep(byte[] rootKey, byte[] dhOutput) {
        byte[] out = hkdf(rootKey, dhOutput, ROOT_INFO, 2 * KEY_LENGTH);
        return new byte[][] {Arrays.copyOf(out, KEY_LENGTH), Arrays.copyOfRange(out, KEY_LENGTH, 2 * KEY_LENGTH)};
    }

    /** KDF_CK(ck) = (HMAC(ck, 0x02) as the next chain key, HMAC(ck, 0x01) as the message key). */
    static byte[][] chainStep(byte[] chainKey) {
        return new byte[][] {hmac(chainKey, (byte) 0x02), hmac(chainKey, (byte) 0x01)};
    }

    static byte[] encrypt(byte[] messageKey, byte[] plaintext, byte[] associatedData) {
        try {
            return aead(true, messageKey, plaintext, associatedData);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decrypt(byte[] messageKey, byte[] ciphertext, byte[] associatedData) throws InvalidCipherTextException {
        return aead(false, messageKey, ciphertext, associatedData);
    }

    /** key(32) || nonce(12) = HKDF(salt = 0^32, ikm = mk, info = "tacit/v1/ratchet-message", 44). */
    private static byte[] aead(boolean encrypt, byte[] messageKey, byte[] input, byte[] associatedData) throws InvalidCipherTextException {
        byte[] keyAndNonce = hkdf(ZERO_SALT, messageKey, MESSAGE_INFO, KEY_LENGTH + 12);
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(keyAndNonce, 0, KEY_LENGTH), TAG_LENGTH * 8,
                Arrays.copyOfRange(keyAndNonce, KEY_LENGTH, KEY_LENGTH + 12), associatedData));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        length += cipher.doFinal(out, length);
        Arrays.fill(keyAndNonce, (byte) 0);
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte constant) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(constant);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    private static byte[] label(String label) {
        return label.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        Arrays.fill(out, value);
        return out;
    }
}
