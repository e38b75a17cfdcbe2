package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.util.Arrays;

import org.apache.milagro.amcl.BLS381.BIG;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP12;
import org.apache.milagro.amcl.BLS381.FP2;
import org.apache.milagro.amcl.BLS381.FP4;
import org.apache.milagro.amcl.BLS381.PAIR;

/**
 * BLS12-381 as docs/protocol.md §2.2.1 defines it, on Apache Milagro's pure-Java curve and pairing arithmetic: the ZCash
 * point encodings and {@code GT_ENCODE} are written here from the document (Milagro has encodings of its own), the
 * constants p and r are the document's.
 */
final class MilagroBls12381 {

    static final BigInteger P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
    static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    static final int FP_BYTES = 48;
    static final int G1_BYTES = 48;
    static final int G2_BYTES = 96;

    private static final BigInteger HALF_P = P.subtract(BigInteger.ONE).shiftRight(1);
    private static final BigInteger G1_B = BigInteger.valueOf(4);
    private static final int COMPRESSED = 0x80;
    private static final int INFINITY = 0x40;
    private static final int LARGER_Y = 0x20;

    private MilagroBls12381() {
    }

    static ECP g1() {
        return ECP.generator();
    }

    static ECP2 g2() {
        return ECP2.generator();
    }

    /** e(P, Q): Milagro's optimal ate Miller loop and final exponentiation. */
    static FP12 pairing(ECP p, ECP2 q) {
        if (p.is_infinity() || q.is_infinity()) {
            throw new IllegalArgumentException("pairing of the identity");
        }
        return PAIR.fexp(PAIR.ate(new ECP2(q), new ECP(p)));
    }

    /** point^k for a point of the order-r subgroup (Milagro's GLV multiplication). */
    static ECP mul(ECP point, BigInteger k) {
        return PAIR.G1mul(point, big(k.mod(R)));
    }

    /** point^k for a point of the order-r subgroup (Milagro's Galbraith–Scott multiplication). */
    static ECP2 mul(ECP2 point, BigInteger k) {
        return PAIR.G2mul(point, big(k.mod(R)));
    }

    /** The product of the points (the group law written multiplicatively, as in the document). */
    static ECP product(ECP... points) {
        ECP sum = new ECP();
        for (ECP point : points) {
            sum.add(point);
        }
        return sum;
    }

    static ECP2 product(ECP2 a, ECP2 b) {
        ECP2 sum = new ECP2(a);
        sum.add(b);
        return sum;
    }

    static FP12 power(FP12 f, BigInteger k) {
        return PAIR.GTpow(new FP12(f), big(k.mod(R)));
    }

    static FP12 product(FP12... factors) {
        FP12 result = new FP12(factors[0]);
        for (int i = 1; i < factors.length; i++) {
            result.mul(factors[i]);
        }
        return result;
    }

    /** G1_DECODE of §2.2.1; throws IllegalArgumentException for every encoding the document rejects. */
    static ECP decodeG1(byte[] encoded) {
        BigInteger x = coordinate(encoded, G1_BYTES, 0);
        boolean larger = (encoded[0] & LARGER_Y) != 0;
        BigInteger rhs = x.pow(3).add(G1_B).mod(P);
        BigInteger y = rhs.modPow(P.add(BigInteger.ONE).shiftRight(2), P); // p = 3 mod 4
        if (!y.multiply(y).mod(P).equals(rhs)) {
            throw new IllegalArgumentException("x is not on the curve");
        }
        if (isLarger(y) != larger) {
            y = P.subtract(y);
        }
        ECP point = new ECP(big(x), big(y));
        if (point.is_infinity() || !point.mul(big(R)).is_infinity()) {
            throw new IllegalArgumentException("point outside the order-r subgroup of G1");
        }
        requireCanonical(encoded, encodeG1(point));
        return point;
    }

    /** G2_DECODE of §2.2.1. */
    static ECP2 decodeG2(byte[] encoded) {
        BigInteger c1 = coordinate(encoded, G2_BYTES, 0);
        BigInteger c0 = Octets.os2ip(Arrays.copyOfRange(encoded, FP_BYTES, G2_BYTES));
        if (c0.compareTo(P) >= 0) {
            throw new IllegalArgumentException("coordinate not below p");
        }
        ECP2 point = new ECP2(new FP2(big(c0), big(c1))); // Milagro finds a y, or gives the identity if x is off the curve
        if (point.is_infinity()) {
            throw new IllegalArgumentException("x is not on the twist");
        }
        if (isLarger(point.getY()) != ((encoded[0] & LARGER_Y) != 0)) {
            point.neg();
        }
        if (!point.mul(big(R)).is_infinity()) {
            throw new IllegalArgumentException("point outside the order-r subgroup of G2");
        }
        requireCanonical(encoded, encodeG2(point));
        return point;
    }

    static byte[] encodeG1(ECP point) {
        byte[] out = new byte[G1_BYTES];
        if (point.is_infinity()) {
            out[0] = (byte) (COMPRESSED | INFINITY);
            return out;
        }
        BigInteger y = integer(point.getY());
        out = Octets.i2osp(integer(point.getX()), G1_BYTES);
        out[0] |= (byte) (COMPRESSED | (isLarger(y) ? LARGER_Y : 0));
        return out;
    }

    static byte[] encodeG2(ECP2 point) {
        FP2 x = point.getX();
        byte[] out = Octets.concat(Octets.i2osp(integer(x.getB()), FP_BYTES), Octets.i2osp(integer(x.getA()), FP_BYTES));
        out[0] |= (byte) (COMPRESSED | (isLarger(point.getY()) ? LARGER_Y : 0));
        return out;
    }

    /**
     * GT_ENCODE of §2.2.1: the Fp2 coefficients of 1, w, ..., w^5 (w^6 = u + 1), each {@code I2OSP(a, 48) || I2OSP(b, 48)}
     * for a + b·u. Milagro builds Fp12 as Fp4[t]/(t^3 - s) over Fp4 = Fp2[s]/(s^2 - (u + 1)), so with t = w and s = w^3
     * an element a + b·t + c·t^2 (a, b, c in Fp4, a = a0 + a1·s, ...) has the coefficients a0, b0, c0, a1, b1, c1.
     */
    static byte[] encodeGt(FP12 f) {
        FP12 value = new FP12(f);
        value.reduce();
        FP4[] abc = {value.geta(), value.getb(), value.getc()};
        byte[] out = new byte[0];
        for (int half = 0; half < 2; half++) {
            for (FP4 coefficient : abc) {
                FP2 c = half == 0 ? coefficient.geta() : coefficient.getb();
                out = Octets.concat(out, Octets.i2osp(integer(c.getA()), FP_BYTES), Octets.i2osp(integer(c.getB()), FP_BYTES));
            }
        }
        return out;
    }

    static BIG big(BigInteger value) {
        return BIG.fromBytes(Octets.i2osp(value, BIG.MODBYTES));
    }

    private static BigInteger integer(BIG value) {
        BIG copy = new BIG(value);
        copy.norm();
        byte[] bytes = new byte[BIG.MODBYTES];
        copy.toBytes(bytes);
        return Octets.os2ip(bytes).mod(P);
    }

    /** The ZCash sign of y: set when y is the lexicographically larger of y and -y. */
    private static boolean isLarger(BigInteger y) {
        return y.compareTo(HALF_P) > 0;
    }

    private static boolean isLarger(FP2 y) {
        BigInteger c1 = integer(y.getB());
        return c1.signum() != 0 ? isLarger(c1) : isLarger(integer(y.getA()));
    }

    private static BigInteger coordinate(byte[] encoded, int length, int offset) {
        if (encoded.length != length) {
            throw new IllegalArgumentException("wrong length " + encoded.length);
        }
        if ((encoded[0] & COMPRESSED) == 0 || (encoded[0] & INFINITY) != 0) {
            throw new IllegalArgumentException("not a compressed finite point");
        }
        byte[] bytes = Arrays.copyOfRange(encoded, offset, offset + FP_BYTES);
        bytes[0] &= 0x1f;
        BigInteger value = Octets.os2ip(bytes);
        if (value.compareTo(P) >= 0) {
            throw new IllegalArgumentException("coordinate not below p");
        }
        return value;
    }

    private static void requireCanonical(byte[] encoded, byte[] reencoded) {
        if (!Arrays.equals(encoded, reencoded)) {
            throw new IllegalArgumentException("not the canonical encoding of its point");
        }
    }
}
