package dev.tacit.crypto.envelope;

import java.util.Objects;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.AgreementPublicKey;

/**
 * HPKE (RFC 9180) in base mode, single-shot, over Bouncy Castle's implementation. Tacit puts only
 * {@link #X25519_SHA256_CHACHA20POLY1305} on the wire; the AES-128-GCM suite exists so the wrapper can be checked
 * against a second set of RFC 9180 Appendix A vectors.
 */
public final class HpkeSuite {

    /** DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305: kem 0x0020, kdf 0x0001, aead 0x0003. */
    public static final HpkeSuite X25519_SHA256_CHACHA20POLY1305 = new HpkeSuite(HPKE.aead_CHACHA20_POLY1305);

    /** DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM; for tests of the wrapper only. */
    static final HpkeSuite X25519_SHA256_AES128GCM = new HpkeSuite(HPKE.aead_AES_GCM128);

    /** Length of the encapsulated key {@code enc}. */
    public static final int ENC_LENGTH = 32;
    /** Length of the AEAD tag that every ciphertext carries. */
    public static final int TAG_LENGTH = 16;

    private final short aeadId;

    private HpkeSuite(short aeadId) {
        this.aeadId = aeadId;
    }

    private HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, aeadId);
    }

    /** Seals {@code plaintext} to {@code recipient} with the caller's fresh ephemeral key pair. */
    public Sealed seal(AgreementPublicKey recipient, byte[] info, byte[] aad, byte[] plaintext, AgreementKeyPair ephemeral) {
        Objects.requireNonNull(ephemeral);
        try {
            HPKEContextWithEncapsulation context = hpke().setupBaseS(recipient.parameters(), info,
                    ephemeral.asBouncyCastle(InsecureSecretKeyAccess.get()));
            return new Sealed(context.getEncapsulation(), context.seal(aad, plaintext));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE sealing failed", e);
        }
    }

    /**
     * Opens a ciphertext sealed to {@code recipient}.
     *
     * @throws EnvelopeOpeningException if the AEAD tag does not verify (wrong key, info, aad or altered bytes)
     */
    public byte[] open(AgreementKeyPair recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) throws EnvelopeOpeningException {
        AsymmetricCipherKeyPair keyPair = recipient.asBouncyCastle(InsecureSecretKeyAccess.get());
        try {
            return hpke().open(enc, keyPair, info, aad, ciphertext, null, null, null);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new EnvelopeOpeningException("HPKE ciphertext does not open with this recipient key");
        }
    }

    /** DeriveKeyPair(ikm) of RFC 9180 §7.1.3, for test vectors. */
    AgreementKeyPair deriveKeyPair(byte[] ikm) {
        try {
            return AgreementKeyPair.fromPrivateBytes(hpke().serializePrivateKey(hpke().deriveKeyPair(ikm).getPrivate()));
        } catch (dev.tacit.crypto.MalformedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HPKE encapsulated key and ciphertext. */
    public static final class Sealed {
        private final byte[] enc;
        private final byte[] ciphertext;

        Sealed(byte[] enc, byte[] ciphertext) {
            this.enc = enc;
            this.ciphertext = ciphertext;
        }

        public byte[] enc() {
            return enc.clone();
        }

        public byte[] ciphertext() {
            return ciphertext.clone();
        }
    }
}
