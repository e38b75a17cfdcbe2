package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748) and Ed25519 (RFC 8032) on raw 32-byte keys, through the JDK's SunEC provider (named
 * explicitly, so Bouncy Castle is never picked even when registered).
 */
final class JdkCurve25519 {

    private static final String PROVIDER = "SunEC";
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 raw key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = Octets.hex("302a300506032b6570032100");
    private static final byte[] X25519_BASE_POINT = basePoint();

    private JdkCurve25519() {
    }

    private static byte[] basePoint() {
        byte[] u = new byte[32];
        u[0] = 9;
        return u;
    }

    /** X25519(k, u): both little-endian 32-byte strings as RFC 7748 §5 defines them. */
    static byte[] x25519(byte[] privateKey, byte[] publicKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("XDH", PROVIDER);
        PrivateKey k = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey.clone()));
        byte[] bigEndian = reverse(publicKey);
        bigEndian[0] &= 0x7f; // RFC 7748 §5: X25519 ignores the top bit of the u-coordinate
        PublicKey u = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
        KeyAgreement agreement = KeyAgreement.getInstance("XDH", PROVIDER);
        agreement.init(k);
        agreement.doPhase(u, true);
        return agreement.generateSecret();
    }

    /** The X25519 public key of a private key: X25519(k, 9). */
    static byte[] x25519Public(byte[] privateKey) throws GeneralSecurityException {
        return x25519(privateKey, X25519_BASE_POINT);
    }

    /** The Ed25519 public key of a 32-byte seed (RFC 8032 §5.1.5). */
    static byte[] ed25519Public(byte[] seed) throws GeneralSecurityException {
        // The JDK derives a public key only while generating a pair, drawing the 32-byte seed from the given source.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", PROVIDER);
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
        byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    static byte[] ed25519Sign(byte[] seed, byte[] message) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519", PROVIDER)
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        Signature signer = Signature.getInstance("Ed25519", PROVIDER);
        signer.initSign(key);
        signer.update(message);
        return signer.sign();
    }

    static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) throws GeneralSecurityException {
        return ed25519Verify(KeyFactory.getInstance("Ed25519", PROVIDER)
                .generatePublic(new X509EncodedKeySpec(Octets.concat(ED25519_SPKI_PREFIX, publicKey))), message, signature);
    }

    static boolean ed25519Verify(PublicKey publicKey, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519", PROVIDER);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** The raw 32 bytes of an Ed25519 public key the JDK parsed (from a certificate, say). */
    static byte[] ed25519Raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (!Arrays.equals(ED25519_SPKI_PREFIX, Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length))) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    /** Hands out one fixed byte string, once. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (bytes == null || out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
            bytes = null;
        }
    }
}
