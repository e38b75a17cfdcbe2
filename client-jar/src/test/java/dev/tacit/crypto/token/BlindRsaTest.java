package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RSA blind signature core against every test vector of RFC 9474 Appendix A. */
class BlindRsaTest {

    private static final List<TestVectorFile.Vector> VECTORS = TestVectorFile.load("rfc9474-test-vectors.txt");

    static Stream<TestVectorFile.Vector> vectors() {
        return VECTORS.stream();
    }

    private static BlindRsaVariant variantOf(TestVectorFile.Vector vector) {
        return switch (vector.text("name")) {
            case "RSABSSA-SHA384-PSS-Randomized" -> BlindRsaVariant.SHA384_PSS_RANDOMIZED;
            case "RSABSSA-SHA384-PSSZERO-Randomized" -> BlindRsaVariant.SHA384_PSSZERO_RANDOMIZED;
            case "RSABSSA-SHA384-PSS-Deterministic" -> BlindRsaVariant.SHA384_PSS_DETERMINISTIC;
            case "RSABSSA-SHA384-PSSZERO-Deterministic" -> BlindRsaVariant.SHA384_PSSZERO_DETERMINISTIC;
            default -> throw new IllegalArgumentException(vector.text("name"));
        };
    }

    private static RSAKeyParameters publicKey(TestVectorFile.Vector v) {
        return new RSAKeyParameters(false, v.integer("n"), v.integer("e"));
    }

    private static RSAPrivateCrtKeyParameters privateKey(TestVectorFile.Vector v) {
        BigInteger p = v.integer("p");
        BigInteger q = v.integer("q");
        BigInteger d = v.integer("d");
        return new RSAPrivateCrtKeyParameters(v.integer("n"), v.integer("e"), d, p, q,
                d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p));
    }

    @Test
    void theVectorFileCoversEveryVariant() {
        assertEquals(BlindRsaVariant.values().length, VECTORS.stream().map(BlindRsaTest::variantOf).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVectorsVariantHasItsSaltLengthAndPreparation(TestVectorFile.Vector v) {
        BlindRsaVariant variant = variantOf(v);
        assertEquals(Integer.parseInt(v.text("sLen"), 16), variant.saltLength());
        assertEquals(Integer.parseInt(v.text("is_randomized"), 16) == 1, variant.randomized());
        byte[] prepared = variant.randomized() ? Arrays.concatenate(v.bytes("msg_prefix"), v.bytes("msg")) : v.bytes("msg");
        assertArrayEquals(v.bytes("input_msg"), prepared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void blindingWithTheVectorsSaltAndInverseGivesItsBlindedMessage(TestVectorFile.Vector v) throws Exception {
        RSAKeyParameters pk = publicKey(v);
        BigInteger r = v.integer("inv").modInverse(pk.getModulus());

        BlindRsa.Blinded blinded = BlindRsa.blind(pk, v.bytes("input_msg"), v.bytes("salt"), r);

        assertArrayEquals(v.bytes("blinded_msg"), blinded.blindedMessage());
        if (v.fields().containsKey("encoded_msg")) {
            BigInteger encoded = new BigInteger(1, blinded.blindedMessage())
                    .multiply(v.integer("inv").modPow(pk.getExponent(), pk.getModulus())).mod(pk.getModulus());
            assertEquals(v.integer("encoded_msg"), encoded);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void blindSigningGivesTheVectorsBlindSignature(TestVectorFile.Vector v) throws Exception {
        byte[] blindSignature = BlindRsa.blindSign(privateKey(v), v.bytes("blinded_msg"), new SecureRandom());

        assertArrayEquals(v.bytes("blind_sig"), blindSignature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void finalizingGivesTheVectorsSignatureWhichVerifies(TestVectorFile.Vector v) throws Exception {
        RSAKeyParameters pk = publicKey(v);
        BigInteger r = v.integer("inv").modInverse(pk.getModulus());

        byte[] signature = BlindRsa.finalizeSignature(pk, variantOf(v), v.bytes("input_msg"), v.bytes("blind_sig"), r);

        assertArrayEquals(v.bytes("sig"), signature);
        assertTrue(BlindRsa.verify(pk, variantOf(v), v.bytes("input_msg"), v.bytes("sig")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVectorsSignatureDoesNotVerifyForAnotherMessage(TestVectorFile.Vector v) {
        byte[] other = v.bytes("input_msg");
        other[other.length - 1] ^= 1;

        assertFalse(BlindRsa.verify(publicKey(v), variantOf(v), other, v.bytes("sig")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aRandomBlindingRoundTripsToAValidSignature(TestVectorFile.Vector v) throws Exception {
        SecureRandom random = new SecureRandom();
        RSAKeyParameters pk = publicKey(v);
        BlindRsaVariant variant = variantOf(v);
        byte[] prepared = BlindRsa.prepare(variant, v.bytes("msg"), random);

        BlindRsa.Blinded blinded = BlindRsa.blind(pk, variant, prepared, random);
        byte[] blindSignature = BlindRsa.blindSign(privateKey(v), blinded.blindedMessage(), random);
        byte[] signature = BlindRsa.finalizeSignature(pk, variant, prepared, blindSignature, blinded.blindingFactor());

        assertTrue(BlindRsa.verify(pk, variant, prepared, signature));
        assertEquals(variant.randomized() ? 32 + v.bytes("msg").length : v.bytes("msg").length, prepared.length);
    }

    @Test
    void blindingFactorsSpanTheWholeRangeBelowTheModulus() throws Exception {
        // The RFC 9578 key's modulus starts 0xcb, so about 37% of [1, n) lies above 2^2047; a generator that
        // stays below 2^2047 (as Bouncy Castle's does) fails this with probability about 1e-20.
        BigInteger n = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0)).publicKey().rsaKey().getModulus();
        SecureRandom random = new SecureRandom();

        boolean reachedTopHalf = false;
        for (int i = 0; i < 100 && !reachedTopHalf; i++) {
            BigInteger r = BlindRsa.randomBlindingFactor(n, random);
            assertTrue(r.signum() > 0 && r.compareTo(n) < 0);
            reachedTopHalf = r.bitLength() == n.bitLength();
        }
        assertTrue(reachedTopHalf);
    }

    @Test
    void finalizingABlindSignatureOfAnotherMessageIsRejected() throws Exception {
        TestVectorFile.Vector v = VECTORS.get(2);
        RSAKeyParameters pk = publicKey(v);
        BigInteger r = v.integer("inv").modInverse(pk.getModulus());
        byte[] otherMessage = "another message".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThrows(InvalidTokenSignatureException.class,
                () -> BlindRsa.finalizeSignature(pk, variantOf(v), otherMessage, v.bytes("blind_sig"), r));
    }

    @Test
    void blindSigningAValueNotBelowTheModulusIsRejected() {
        TestVectorFile.Vector v = VECTORS.get(0);
        byte[] modulus = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(v.integer("n"));

        assertThrows(MalformedEncodingException.class, () -> BlindRsa.blindSign(privateKey(v), modulus, new SecureRandom()));
    }
}
