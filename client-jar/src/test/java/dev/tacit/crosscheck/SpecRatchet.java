package dev.tacit.crosscheck;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Session start and the Double Ratchet's KDFs of docs/protocol.md §3.7, written from the document on the JDK. */
final class SpecRatchet {

    static final int HEADER_LENGTH = 1 + 32 + 4 + 4;
    private static final byte[] ZERO_SALT = new byte[32];

    private SpecRatchet() {
    }

    /** session_initiation = 0x01 || pre_key_id (u32) || ephemeral_public (32). */
    static byte[] sessionInitiation(long preKeyId, byte[] ephemeralPublic) {
        return Octets.concat(new byte[] {1}, Octets.i2osp(preKeyId, 4), ephemeralPublic);
    }

    /** SK = HKDF-SHA256(0x00*32, 0xFF*32 || DH, "tacit/v1/x3dh" || IK_A || IK_B || SPK_B || EK_A, 32). */
    static byte[] sessionKey(byte[] dh, byte[] initiatorIdentity, byte[] responderIdentity, byte[] preKey, byte[] ephemeral)
            throws GeneralSecurityException {
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xff);
        return Hkdf.derive(ZERO_SALT, Octets.concat(ff, dh),
                Octets.concat(Octets.ascii("tacit/v1/x3dh"), initiatorIdentity, responderIdentity, preKey, ephemeral), 32);
    }

    /** KDF_RK: {rk', ck}. */
    static byte[][] rootStep(byte[] rootKey, byte[] dhOut) throws GeneralSecurityException {
        byte[] out = Hkdf.derive(rootKey, dhOut, Octets.ascii("tacit/v1/ratchet-root"), 64);
        return new byte[][] {Octets.slice(out, 0, 32), Octets.slice(out, 32, 64)};
    }

    /** KDF_CK: {ck', mk}. */
    static byte[][] chainStep(byte[] chainKey) throws GeneralSecurityException {
        return new byte[][] {Hkdf.hmac(chainKey, new byte[] {2}), Hkdf.hmac(chainKey, new byte[] {1})};
    }

    /** ratchet_message = header || ChaCha20-Poly1305 under the key and nonce derived from mk, ad = AD || header. */
    static byte[] encrypt(byte[] messageKey, byte[] associatedData, byte[] ratchetPublic, long previousLength, long number,
                          byte[] plaintext) throws GeneralSecurityException {
        byte[] header = Octets.concat(new byte[] {1}, ratchetPublic, Octets.i2osp(previousLength, 4), Octets.i2osp(number, 4));
        byte[][] keyAndNonce = messageKeys(messageKey);
        return Octets.concat(header, ChaCha20Poly1305.seal(keyAndNonce[0], keyAndNonce[1], Octets.concat(associatedData, header),
                plaintext));
    }

    static byte[] decrypt(byte[] messageKey, byte[] associatedData, byte[] ratchetMessage) throws GeneralSecurityException {
        byte[] header = Octets.slice(ratchetMessage, 0, HEADER_LENGTH);
        byte[][] keyAndNonce = messageKeys(messageKey);
        return ChaCha20Poly1305.open(keyAndNonce[0], keyAndNonce[1], Octets.concat(associatedData, header),
                Octets.slice(ratchetMessage, HEADER_LENGTH, ratchetMessage.length));
    }

    private static byte[][] messageKeys(byte[] messageKey) throws GeneralSecurityException {
        byte[] keyAndNonce = Hkdf.derive(ZERO_SALT, messageKey, Octets.ascii("tacit/v1/ratchet-message"), 44);
        return new byte[][] {Octets.slice(keyAndNonce, 0, 32), Octets.slice(keyAndNonce, 32, 44)};
    }
}
