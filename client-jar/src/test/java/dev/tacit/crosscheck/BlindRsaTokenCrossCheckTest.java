package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.ascii;
import static dev.tacit.crosscheck.Octets.concat;
import static dev.tacit.crosscheck.Octets.hex;
import static dev.tacit.crosscheck.Octets.i2osp;
import static dev.tacit.crosscheck.Octets.os2ip;
import static dev.tacit.crosscheck.Octets.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/protocol.md §2.1.6 recomputed on the JDK (SunRsaSign's RSASSA-PSS, SUN's SHA-2) from RFC 9474 and RFC 9578 as
 * §2.1 applies them: the challenge, the blinding of the PSS-encoded token input with the example's salt and r, and
 * the unblinding; the issuer's blind signature is checked with the public key only (blind_sig^e = blinded_msg).
 */
class BlindRsaTokenCrossCheckTest {

    private static final int MODULUS_BYTES = 256;
    private static final int EM_BITS = 2047;

    private static Map<String, String> example;

    @BeforeAll
    static void readTheDocument() {
        example = ProtocolDocumentExamples.load().example("blind-rsa-token");
    }

    private static byte[] field(String name) {
        return hex(example.get(name));
    }

    private static byte[] sha(String algorithm, byte[] input) throws GeneralSecurityException {
        return MessageDigest.getInstance(algorithm, "SUN").digest(input);
    }

    private static RSAPublicKey issuerKey() throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSASSA-PSS", "SunRsaSign")
                .generatePublic(new X509EncodedKeySpec(field("issuer_public_key")));
    }

    /** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with SHA-384, MGF1-SHA-384 and the given salt. */
    private static byte[] emsaPssEncode(byte[] message, byte[] salt) throws GeneralSecurityException {
        byte[] h = sha("SHA-384", concat(new byte[8], sha("SHA-384", message), salt));
        int dbLength = MODULUS_BYTES - h.length - 1;
        byte[] db = concat(new byte[dbLength - salt.length - 1], new byte[] {1}, salt);
        byte[] mask = new byte[0];
        for (int counter = 0; mask.length < dbLength; counter++) {
            mask = concat(mask, sha("SHA-384", concat(h, i2osp(counter, 4))));
        }
        for (int i = 0; i < dbLength; i++) {
            db[i] ^= mask[i];
        }
        db[0] &= (byte) (0xff >>> (8 * MODULUS_BYTES - EM_BITS));
        return concat(db, h, new byte[] {(byte) 0xbc});
    }

    @Test
    void challengeAndTokenInputFollowFromTheDocument() throws GeneralSecurityException {
        long start = Instant.parse(example.get("window_start")).getEpochSecond();
        long length = Long.parseLong(example.get("window_seconds"));
        byte[] context = sha("SHA-256", concat(ascii("tacit token redemption window v1"), i2osp(start, 8), i2osp(length, 8)));
        // issuer tacit.example, purpose discovery, as §2.1.6 states
        byte[] challenge = concat(hex("0002"), i2osp(13, 2), ascii("tacit.example"), new byte[] {32}, context, i2osp(9, 2),
                ascii("discovery"));
        byte[] keyId = sha("SHA-256", field("issuer_public_key"));

        assertEquals(example.get("token_key_id"), hex(keyId));
        assertEquals(example.get("redemption_context"), hex(context));
        assertEquals(example.get("challenge"), hex(challenge));
        assertEquals(example.get("challenge_digest"), hex(sha("SHA-256", challenge)));
        assertEquals(example.get("token_input"), hex(concat(hex("0002"), field("nonce"), sha("SHA-256", challenge), keyId)));
    }

    @Test
    void blindingAndUnblindingFollowFromTheSaltAndR() throws GeneralSecurityException {
        RSAPublicKey key = issuerKey();
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        BigInteger r = os2ip(field("blind"));
        BigInteger encoded = os2ip(emsaPssEncode(field("token_input"), field("salt")));
        BigInteger blinded = encoded.multiply(r.modPow(e, n)).mod(n);
        BigInteger blindSignature = os2ip(field("token_response"));

        assertEquals(MODULUS_BYTES * 8, n.bitLength());
        assertEquals(example.get("token_request"), hex(concat(hex("0002"), slice(field("token_key_id"), 31, 32), i2osp(blinded, MODULUS_BYTES))));
        assertEquals(blinded, blindSignature.modPow(e, n), "blind_sig^e = blinded_msg");
        BigInteger authenticator = blindSignature.multiply(r.modInverse(n)).mod(n);
        assertEquals(example.get("token"), hex(concat(field("token_input"), i2osp(authenticator, MODULUS_BYTES))));
    }

    @Test
    void jdkVerifiesTheTokensAuthenticator() throws GeneralSecurityException {
        byte[] token = field("token");
        Signature verifier = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        verifier.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
        verifier.initVerify(issuerKey());

        verifier.update(slice(token, 0, 98));
        assertTrue(verifier.verify(slice(token, 98, token.length)));
        byte[] otherInput = slice(token, 0, 98);
        otherInput[2] ^= 1; // another nonce
        verifier.update(otherInput);
        assertFalse(verifier.verify(slice(token, 98, token.length)));
    }
}
