package dev.tacit.crypto.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * The proof that an account holds the private key of a certificate (docs/protocol.md §4.27): a signature, by that
 * key, over
 *
 * <pre>
 * "tacit-bulk-sender-proof-v1" || 0x00 || len(number) (1 byte) || number (E.164, ASCII) || challenge
 * </pre>
 *
 * where the challenge is the server's (§4.26), so that a proof is bound to one account and one challenge and
 * cannot be mistaken for a signature of any other protocol. The scheme is the key's: RSASSA-PSS with SHA-256,
 * MGF1-SHA-256 and a 32-byte salt for an RSA key of at least 2048 bits; ECDSA with SHA-256 (DER signature) for a
 * P-256 key; Ed25519 for an Ed25519 key. Any other key is refused.
 */
public final class BulkSenderProof {

    /** The domain-separation label that opens the signed bytes. */
    public static final String LABEL = "tacit-bulk-sender-proof-v1";

    /** The smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
            PSSParameterSpec.TRAILER_FIELD_BC);

    private BulkSenderProof() {
    }

    /** The bytes a proof signs, for {@code account} and the server's {@code challenge}. */
    public static byte[] signedBytes(PhoneNumber account, byte[] challenge) {
        byte[] number = account.e164().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(LABEL.getBytes(StandardCharsets.US_ASCII));
        bytes.write(0);
        bytes.write(number.length); // at most 16: "+" and 15 digits
        bytes.writeBytes(number);
        bytes.writeBytes(challenge);
        return bytes.toByteArray();
    }

    /**
     * Signs the proof for {@code account} and {@code challenge} with {@code key}, by the key's scheme.
     *
     * @throws MalformedEncodingException if the key is of a kind no scheme here covers
     */
    public static byte[] sign(PrivateKey key, PhoneNumber account, byte[] challenge, SecureRandom random)
            throws MalformedEncodingException {
        try {
            Signature signature = scheme(key);
            signature.initSign(key, random);
            signature.update(signedBytes(account, challenge));
            return signature.sign();
        } catch (InvalidKeyException | SignatureException e) {
            throw new MalformedEncodingException("the key cannot sign a bulk-sender proof", e);
        }
    }

    /**
     * Checks that {@code proof} is {@code key}'s signature of the proof for {@code account} and {@code challenge}.
     *
     * @throws MalformedEncodingException  if the key is of a kind no scheme here covers
     * @throws VerificationFailedException if the signature does not verify (or does not parse)
     */
    public static void verify(PublicKey key, PhoneNumber account, byte[] challenge, byte[] proof)
            throws MalformedEncodingException, VerificationFailedException {
        boolean valid;
        try {
            Signature signature = scheme(key);
            signature.initVerify(key);
            signature.update(signedBytes(account, challenge));
            valid = signature.verify(proof);
        } catch (InvalidKeyException e) {
            throw new MalformedEncodingException("the certificate's key cannot verify a bulk-sender proof", e);
        } catch (SignatureException e) {
            valid = false; // a signature that does not even parse
        }
        if (!valid) {
            throw new VerificationFailedException("the proof is not the certificate key's signature of this challenge"
                    + " for this account");
        }
    }

    /**
     * The signature scheme of {@code key}'s kind, not yet initialised.
     *
     * @throws MalformedEncodingException for an RSA key under 2048 bits, an EC key off P-256, or another kind
     */
    static Signature scheme(Key key) throws MalformedEncodingException {
        try {
            if (key instanceof RSAKey rsa) {
                if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new MalformedEncodingException("an RSA key of " + rsa.getModulus().bitLength()
                            + " bits; at least " + MIN_RSA_BITS + " are needed");
                }
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(PSS);
                return pss;
            }
            if (key instanceof ECKey ec) {
                if (!isP256(ec.getParams())) {
                    throw new MalformedEncodingException("an EC key on another curve than P-256");
                }
                return Signature.getInstance("SHA256withECDSA");
            }
            if (key instanceof EdECKey ed && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(
                    ed.getParams().getName())) {
                return Signature.getInstance("Ed25519");
            }
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("every Java platform supports RSASSA-PSS with SHA-256", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 platform has RSASSA-PSS, ECDSA and Ed25519", e);
        }
        throw new MalformedEncodingException("a " + key.getAlgorithm() + " key: a proof is signed with RSA (at least "
                + MIN_RSA_BITS + " bits), ECDSA P-256 or Ed25519");
    }

    private static boolean isP256(ECParameterSpec params) {
        // secp256r1's order, which no other named curve shares
        return params != null && params.getCurve().getField().getFieldSize() == 256 && params.getOrder().toString(16)
                .equals("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    }
}
