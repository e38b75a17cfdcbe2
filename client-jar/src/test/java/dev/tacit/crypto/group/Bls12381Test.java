package dev.tacit.crypto.group;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bls12381Test {

    private static final P1 X = P1.generator().mult(BigInteger.valueOf(1234567));
    private static final P1 Y = P1.generator().mult(BigInteger.valueOf(7654321));
    private static final P2_Affine W = P2.generator().mult(BigInteger.valueOf(424242)).to_affine();
    /** A G2 point other than the generator, as the g2 of a group after a revocation. */
    private static final P2_Affine OTHER_G2 = P2.generator().mult(BigInteger.valueOf(99991)).to_affine();

    private static PT pairing(P1 p, P2_Affine q) {
        return new PT(p.to_affine(), q).final_exp();
    }

    @Test
    void theTwoLoopProductEqualsTheProductOfTwoPairings() {
        PT expected = pairing(X, Bls12381.G2).mul(pairing(Y, W));

        assertTrue(expected.is_equal(Bls12381.pairingProduct(X, Bls12381.G2, Y, W)));
        assertTrue(pairing(X, OTHER_G2).mul(pairing(Y, W)).is_equal(Bls12381.pairingProduct(X, OTHER_G2, Y, W)));
        assertFalse(expected.is_equal(Bls12381.pairingProduct(X, OTHER_G2, Y, W)));
    }

    @Test
    void pairingsAreComparedByMovingOneAcross() {
        // e(X^k, g2) = e(X, g2^k) by bilinearity; a different exponent on one side breaks it.
        BigInteger k = BigInteger.valueOf(31337);
        P2_Affine g2k = P2.generator().mult(k).to_affine();

        assertTrue(Bls12381.pairingsEqual(X.dup().mult(k).to_affine(), Bls12381.G2, X.to_affine(), g2k));
        assertFalse(Bls12381.pairingsEqual(X.dup().mult(k.add(BigInteger.ONE)).to_affine(), Bls12381.G2,
                X.to_affine(), g2k));
        assertFalse(Bls12381.pairingsEqual(Y.to_affine(), Bls12381.G2, X.to_affine(), Bls12381.G2));
    }

    @Test
    void anIdentityArgumentContributesOne() {
        assertTrue(pairing(Y, W).is_equal(Bls12381.pairingProduct(new P1(), Bls12381.G2, Y, W)));
        assertTrue(pairing(X, Bls12381.G2).is_equal(Bls12381.pairingProduct(X, Bls12381.G2, new P1(), W)));
        assertTrue(Bls12381.pairingProduct(new P1(), Bls12381.G2, new P1(), W).is_one());
    }

    @Test
    void foldingAnExponentIntoG1MatchesRaisingThePairing() {
        // e(X^k, g2) = e(X, g2)^k, checked for k = 3 with GT multiplications (blst has no GT exponentiation).
        PT cubed = pairing(X, Bls12381.G2).mul(pairing(X, Bls12381.G2)).mul(pairing(X, Bls12381.G2));

        assertTrue(cubed.is_equal(pairing(X.dup().mult(BigInteger.valueOf(3)), Bls12381.G2)));
    }

    @Test
    void fixedBaseTablesAgreeWithScalarMultiplication() {
        FixedBaseTable table = new FixedBaseTable(X.to_affine(), 6);
        for (BigInteger k : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(63),
                BigInteger.valueOf(64), Bls12381.R.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
                new BigInteger("5f2a9c31d0e7b48aa1c3e5f7092b4d6f8a1c3e5f7092b4d6f8a1c3e5f7092b4d", 16)}) {
            assertArrayEquals(X.dup().mult(k).compress(), table.multiply(k).compress(), k.toString(16));
        }
    }

    @Test
    void integersAreEncodedBigEndianAtFixedLength() {
        assertEquals("0000000000000000000000000000000000000000000000000000000000000102",
                java.util.HexFormat.of().formatHex(Bls12381.encodeScalar(BigInteger.valueOf(258))));
        assertThrows(IllegalArgumentException.class,
                () -> Bls12381.encodeInteger(BigInteger.ONE.shiftLeft(128), 16));
    }
}
