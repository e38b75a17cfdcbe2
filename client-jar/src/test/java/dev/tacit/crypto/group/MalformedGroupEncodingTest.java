package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every class of malformed input is a MalformedEncodingException: never a crash, never a valid value. */
class MalformedGroupEncodingTest {

    /** The base field prime of BLS12-381. */
    private static final BigInteger P = new BigInteger("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
    private static final BigInteger FOUR = BigInteger.valueOf(4);

    private static byte[] signature;
    private static byte[] groupPublicKey;
    private static byte[] credential;
    private static GroupSignatureVerifier verifier;
    private static GroupSignedMessage message;

    @BeforeAll
    static void createValidEncodings() {
        GroupManagerKey manager = GroupManagerKey.generate(2);
        message = TestReplies.message("+15550100", 0, 1L);
        verifier = GroupSignatureVerifier.withoutTables(manager.groupPublicKey());
        signature = manager.mintMember(1).sign(message).toBytes();
        groupPublicKey = manager.groupPublicKey().toBytes();
        credential = manager.mintMember(1).toBytes();
    }

    // --- G1 encodings that must all be refused, put in place of T1, T2, T3, h, u, v and A ---

    static byte[] identityG1() {
        byte[] b = new byte[48];
        b[0] = (byte) 0xc0;
        return b;
    }

    static byte[] infinityFlagWithNonZeroCoordinate() {
        byte[] b = identityG1();
        b[47] = 1;
        return b;
    }

    static byte[] infinityFlagWithSignBit() {
        byte[] b = identityG1();
        b[0] = (byte) 0xe0;
        return b;
    }

    static byte[] infinityFlagWithoutCompressionFlag() {
        byte[] b = new byte[48];
        b[0] = 0x40;
        return b;
    }

    static byte[] withoutCompressionFlag(byte[] valid) {
        byte[] b = valid.clone();
        b[0] &= 0x7f;
        return b;
    }

    /** x = p with the compression flag: a coordinate outside the field. */
    static byte[] coordinateNotReduced() {
        byte[] b = toBytes(P, 48);
        b[0] |= (byte) 0x80;
        return b;
    }

    /** An x with x^3 + 4 not a square: no point has it. */
    static byte[] g1NotOnCurve() {
        return compressedG1WithX(false);
    }

    /** An x with x^3 + 4 a square: a point of E(Fp), but (with overwhelming probability) not of order r. */
    static byte[] g1NotInSubgroup() {
        byte[] b = compressedG1WithX(true);
        P1_Affine point = new P1_Affine(b);
        assertTrue(point.on_curve());
        assertFalse(point.in_group());
        return b;
    }

    private static byte[] compressedG1WithX(boolean square) {
        for (BigInteger x = BigInteger.TWO; ; x = x.add(BigInteger.ONE)) {
            BigInteger rhs = x.pow(3).add(FOUR).mod(P);
            if (isSquare(rhs) == square) {
                byte[] b = toBytes(x, 48);
                b[0] |= (byte) 0x80;
                if (square && new P1_Affine(b).in_group()) {
                    continue;
                }
                return b;
            }
        }
    }

    /** A G2 x = (k, 0) whose right-hand side x^3 + 4(1+u) has the wanted quadratic character. */
    static byte[] compressedG2WithX(boolean square) {
        for (BigInteger k = BigInteger.ONE; ; k = k.add(BigInteger.ONE)) {
            BigInteger real = k.pow(3).add(FOUR).mod(P);
            // A square of Fp2 iff its norm is a square of Fp.
            BigInteger norm = real.multiply(real).add(BigInteger.valueOf(16)).mod(P);
            if (isSquare(norm) == square) {
                byte[] b = new byte[96];
                // ZCash G2 encoding: x.c1 (here 0) then x.c0.
                System.arraycopy(toBytes(k, 48), 0, b, 48, 48);
                b[0] |= (byte) 0x80;
                if (square && new P2_Affine(b).in_group()) {
                    continue;
                }
                return b;
            }
        }
    }

    private static boolean isSquare(BigInteger a) {
        return a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }

    static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    static byte[][] badG1(byte[] validPoint) {
        return new byte[][] {identityG1(), infinityFlagWithNonZeroCoordinate(), infinityFlagWithSignBit(),
                infinityFlagWithoutCompressionFlag(), withoutCompressionFlag(validPoint), coordinateNotReduced(),
                g1NotOnCurve(), g1NotInSubgroup()};
    }

    static byte[] replace(byte[] encoding, int offset, byte[] field) {
        byte[] out = encoding.clone();
        System.arraycopy(field, 0, out, offset, field.length);
        return out;
    }

    @Test
    void everyBadPointInEveryPointFieldOfASignatureIsRejected() {
        for (int offset : new int[] {1, 49, 97}) {
            for (byte[] bad : badG1(Arrays.copyOfRange(signature, offset, offset + 48))) {
                byte[] encoded = replace(signature, offset, bad);
                assertThrows(MalformedEncodingException.class, () -> GroupSignature.fromBytes(encoded));
            }
        }
    }

    @Test
    void everyBadPointInEveryG1FieldOfAGroupPublicKeyIsRejected() {
        for (int offset : new int[] {1, 49, 97}) {
            for (byte[] bad : badG1(Arrays.copyOfRange(groupPublicKey, offset, offset + 48))) {
                byte[] encoded = replace(groupPublicKey, offset, bad);
                assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(encoded));
            }
        }
    }

    @Test
    void everyBadPointForAMemberCredentialsAIsRejected() {
        int offset = 1 + GroupPublicKey.ENCODED_BYTES_V1;
        for (byte[] bad : badG1(Arrays.copyOfRange(credential, offset, offset + 48))) {
            byte[] encoded = replace(credential, offset, bad);
            assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(encoded));
        }
    }

    @Test
    void everyBadG2PointForWIsRejected() {
        byte[] identity = new byte[96];
        identity[0] = (byte) 0xc0;
        byte[] notOnCurve = compressedG2WithX(false);
        byte[] notInSubgroup = compressedG2WithX(true);
        P2_Affine offCurveCheck = new P2_Affine(notInSubgroup);
        assertTrue(offCurveCheck.on_curve());
        byte[] uncompressed = Arrays.copyOfRange(groupPublicKey, 145, 241);
        uncompressed[0] &= 0x7f;

        for (byte[] bad : new byte[][] {identity, notOnCurve, notInSubgroup, uncompressed}) {
            byte[] encoded = replace(groupPublicKey, 145, bad);
            assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(encoded));
        }
    }

    @Test
    void aResponseScalarAtOrAboveTheGroupOrderIsRejected() {
        for (int offset : new int[] {161, 193, 225, 257, 289}) {
            for (BigInteger bad : new BigInteger[] {Bls12381.R, Bls12381.R.add(BigInteger.ONE),
                    BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
                byte[] encoded = replace(signature, offset, toBytes(bad, 32));
                assertThrows(MalformedEncodingException.class, () -> GroupSignature.fromBytes(encoded));
            }
        }
    }

    @Test
    void aZeroResponseScalarDecodesBecauseHonestResponsesCanBeZero() throws Exception {
        byte[] encoded = replace(signature, 161, new byte[32]);

        GroupSignature decoded = GroupSignature.fromBytes(encoded);

        assertArrayEquals(encoded, decoded.toBytes(), "decoded as sent, the zero kept");
        assertDoesNotThrow(() -> verifier.verify(GroupSignature.fromBytes(signature), message));
        assertThrows(VerificationFailedException.class, () -> verifier.verify(decoded, message),
                "refused by verification, as any wrong response is");
    }

    @Test
    void aCredentialMemberSecretThatIsZeroOrTooLargeIsRejected() {
        int offset = 1 + GroupPublicKey.ENCODED_BYTES_V1 + 48;
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, Bls12381.R}) {
            byte[] encoded = replace(credential, offset, toBytes(bad, 32));
            assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(encoded));
        }
    }

    @Test
    void wrongLengthsAndVersionsAreRejected() {
        for (byte[] valid : new byte[][] {signature, groupPublicKey, credential}) {
            byte[] shorter = Arrays.copyOf(valid, valid.length - 1);
            byte[] longer = Arrays.copyOf(valid, valid.length + 1);
            byte[] version = valid.clone();
            version[0] = 2;
            for (byte[] bad : new byte[][] {shorter, longer, version, new byte[0]}) {
                assertThrows(MalformedEncodingException.class, () -> GroupSignature.fromBytes(bad));
                assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(bad));
                assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(bad));
            }
        }
    }

    @Test
    void aMalformedGroupKeyInsideACredentialIsRejected() {
        byte[] encoded = replace(credential, 2, g1NotInSubgroup());

        assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(encoded));
    }
}
