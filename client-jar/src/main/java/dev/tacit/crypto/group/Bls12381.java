package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.PT;

/**
 * The BLS12-381 encodings and checks the group signature scheme relies on, over blst.
 *
 * <p>blst's objects are mutable and its arithmetic works in place; callers here always {@code dup()} a
 * shared value before changing it. blst reports bad bytes with a bare {@link RuntimeException}, which is
 * mapped to {@link MalformedEncodingException} at this single place.
 */
final class Bls12381 {

    /** The order r of G1, G2 and GT. */
    static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    static final int SCALAR_BYTES = 32;
    static final int G1_BYTES = 48;
    static final int G2_BYTES = 96;
    /** 12 coordinates of 48 bytes: the size of a GT element as hashed into the challenge. */
    static final int GT_BYTES = 576;

    static final P1_Affine G1 = P1_Affine.generator();
    static final P2_Affine G2 = P2_Affine.generator();

    /** Bit 7 of the first byte in the ZCash encoding: the point is compressed. */
    private static final int COMPRESSED_FLAG = 0x80;

    private Bls12381() {
    }

    /**
     * Decodes a compressed G1 point and checks that it is canonical, on the curve, in the prime-order
     * subgroup and not the identity.
     */
    static P1_Affine decodeG1(byte[] encoded, String what) throws MalformedEncodingException {
        checkCompressed(encoded, G1_BYTES, what);
        P1_Affine point;
        try {
            point = new P1_Affine(encoded);
        } catch (RuntimeException e) {
            throw new MalformedEncodingException(what + " is not a valid compressed G1 point", e);
        }
        if (point.is_inf()) {
            throw new MalformedEncodingException(what + " is the identity");
        }
        if (!point.on_curve() || !point.in_group()) {
            throw new MalformedEncodingException(what + " is not in the prime-order subgroup of G1");
        }
        if (!Arrays.equals(point.compress(), encoded)) {
            throw new MalformedEncodingException(what + " is not canonically encoded");
        }
        return point;
    }

    /** As {@link #decodeG1} for a compressed G2 point. */
    static P2_Affine decodeG2(byte[] encoded, String what) throws MalformedEncodingException {
        checkCompressed(encoded, G2_BYTES, what);
        P2_Affine point;
        try {
            point = new P2_Affine(encoded);
        } catch (RuntimeException e) {
            throw new MalformedEncodingException(what + " is not a valid compressed G2 point", e);
        }
        if (point.is_inf()) {
            throw new MalformedEncodingException(what + " is the identity");
        }
        if (!point.on_curve() || !point.in_group()) {
            throw new MalformedEncodingException(what + " is not in the prime-order subgroup of G2");
        }
        if (!Arrays.equals(point.compress(), encoded)) {
            throw new MalformedEncodingException(what + " is not canonically encoded");
        }
        return point;
    }

    // blst reads 96 (or 192) bytes when the compression flag is clear, so length and flag are checked first.
    private static void checkCompressed(byte[] encoded, int length, String what) throws MalformedEncodingException {
        if (encoded.length != length) {
            throw new MalformedEncodingException(what + " must be " + length + " bytes, got " + encoded.length);
        }
        if ((encoded[0] & COMPRESSED_FLAG) == 0) {
            throw new MalformedEncodingException(what + " is not in compressed form");
        }
    }

    /**
     * Decodes a 32-byte big-endian integer and checks it is below {@code bound}; zero is rejected unless
     * {@code zeroAllowed}.
     */
    static BigInteger decodeScalar(byte[] encoded, BigInteger bound, boolean zeroAllowed, String what)
            throws MalformedEncodingException {
        BigInteger value = new BigInteger(1, encoded);
        if (value.compareTo(bound) >= 0) {
            throw new MalformedEncodingException(what + " is out of range");
        }
        if (!zeroAllowed && value.signum() == 0) {
            throw new MalformedEncodingException(what + " must not be zero");
        }
        return value;
    }

    /** I2OSP(value, length). */
    static byte[] encodeInteger(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length > length + 1 || (raw.length == length + 1 && raw[0] != 0) || value.signum() < 0) {
            throw new IllegalArgumentException("integer does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    static byte[] encodeScalar(BigInteger scalar) {
        return encodeInteger(scalar, SCALAR_BYTES);
    }

    /** base · k, leaving {@code base} untouched. */
    static P1 multiply(P1_Affine base, BigInteger k) {
        return base.to_jacobian().mult(k);
    }

    /** base · k in G2, leaving {@code base} untouched. */
    static P2 multiply(P2_Affine base, BigInteger k) {
        return base.to_jacobian().mult(k);
    }

    /**
     * e(x, g2) · e(y, w) with one two-pair Miller loop (the pairs share the loop's squarings) and one final
     * exponentiation. An identity argument contributes the factor 1.
     */
    static PT pairingProduct(P1 x, P2_Affine g2, P1 y, P2_Affine w) {
        if (x.is_inf() && y.is_inf()) {
            return PT.one();
        }
        // The context's hashing mode and tag only matter for its hash-and-aggregate calls, unused here.
        Pairing millerLoops = new Pairing(true, "unused");
        if (!x.is_inf()) {
            millerLoops.raw_aggregate(g2, x.to_affine());
        }
        if (!y.is_inf()) {
            millerLoops.raw_aggregate(w, y.to_affine());
        }
        millerLoops.commit();
        return millerLoops.as_fp12().final_exp();
    }

    /**
     * Whether e(a, b) = e(c, d), as e(a, b) · e(c⁻¹, d) = 1: one two-pair Miller loop and one final
     * exponentiation. All four points must be valid (decoded or computed), none the identity.
     */
    static boolean pairingsEqual(P1_Affine a, P2_Affine b, P1_Affine c, P2_Affine d) {
        Pairing millerLoops = new Pairing(true, "unused");
        millerLoops.raw_aggregate(b, a);
        millerLoops.raw_aggregate(d, c.to_jacobian().neg().to_affine());
        millerLoops.commit();
        return millerLoops.as_fp12().final_exp().is_one();
    }
}
