package dev.tacit.crosscheck;

import java.security.GeneralSecurityException;

/**
 * HPKE base mode (RFC 9180 §4–5), single shot, for the one suite Tacit uses: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, ChaCha20-Poly1305. Written from the RFC on the JDK's primitives; the output is {@code enc || ct}.
 */
final class Hpke {

    private static final byte[] VERSION_LABEL = Octets.ascii("HPKE-v1");
    private static final byte[] KEM_SUITE = Octets.concat(Octets.ascii("KEM"), Octets.i2osp(0x0020, 2));
    private static final byte[] HPKE_SUITE = Octets.concat(Octets.ascii("HPKE"), Octets.i2osp(0x0020, 2),
            Octets.i2osp(0x0001, 2), Octets.i2osp(0x0003, 2));
    private static final byte[] EMPTY = new byte[0];
    private static final byte MODE_BASE = 0x00;
    private static final int ENC_LENGTH = 32;

    private Hpke() {
    }

    static byte[] sealBase(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext, byte[] ephemeralPrivate)
            throws GeneralSecurityException {
        byte[] enc = JdkCurve25519.x25519Public(ephemeralPrivate);
        byte[] dh = JdkCurve25519.x25519(ephemeralPrivate, recipientPublic);
        byte[][] keyAndNonce = keySchedule(sharedSecret(dh, Octets.concat(enc, recipientPublic)), info);
        return Octets.concat(enc, ChaCha20Poly1305.seal(keyAndNonce[0], keyAndNonce[1], aad, plaintext));
    }

    static byte[] openBase(byte[] recipientPrivate, byte[] sealed, byte[] info, byte[] aad) throws GeneralSecurityException {
        byte[] enc = Octets.slice(sealed, 0, ENC_LENGTH);
        byte[] dh = JdkCurve25519.x25519(recipientPrivate, enc);
        byte[] kemContext = Octets.concat(enc, JdkCurve25519.x25519Public(recipientPrivate));
        byte[][] keyAndNonce = keySchedule(sharedSecret(dh, kemContext), info);
        return ChaCha20Poly1305.open(keyAndNonce[0], keyAndNonce[1], aad, Octets.slice(sealed, ENC_LENGTH, sealed.length));
    }

    /** DHKEM ExtractAndExpand (§4.1). */
    private static byte[] sharedSecret(byte[] dh, byte[] kemContext) throws GeneralSecurityException {
        byte[] eaePrk = labeledExtract(KEM_SUITE, EMPTY, "eae_prk", dh);
        return labeledExpand(KEM_SUITE, eaePrk, "shared_secret", kemContext, 32);
    }

    /** KeySchedule in base mode (§5.1): the AEAD key and base nonce; sequence number 0 uses the base nonce as is. */
    private static byte[][] keySchedule(byte[] sharedSecret, byte[] info) throws GeneralSecurityException {
        byte[] pskIdHash = labeledExtract(HPKE_SUITE, EMPTY, "psk_id_hash", EMPTY);
        byte[] infoHash = labeledExtract(HPKE_SUITE, EMPTY, "info_hash", info);
        byte[] context = Octets.concat(new byte[] {MODE_BASE}, pskIdHash, infoHash);
        byte[] secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", EMPTY);
        return new byte[][] {labeledExpand(HPKE_SUITE, secret, "key", context, 32),
                labeledExpand(HPKE_SUITE, secret, "base_nonce", context, 12)};
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) throws GeneralSecurityException {
        return Hkdf.extract(salt, Octets.concat(VERSION_LABEL, suite, Octets.ascii(label), ikm));
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length)
            throws GeneralSecurityException {
        return Hkdf.expand(prk, Octets.concat(Octets.i2osp(length, 2), VERSION_LABEL, suite, Octets.ascii(label), info), length);
    }
}
