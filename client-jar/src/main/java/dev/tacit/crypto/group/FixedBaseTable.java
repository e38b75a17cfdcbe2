package dev.tacit.crypto.group;

import java.math.BigInteger;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * Precomputed multiples of one G1 point for fast multiplication by public scalars (fixed-base windowing):
 * entry [j][d-1] is d · 2^(w·j) · base, so base · k is the sum of one entry per w-bit digit of k, with no
 * doublings. blst's Java API has no fixed-base or multi-scalar multiplication, and one of its point
 * additions costs well under a hundredth of a scalar multiplication, so ~43 additions beat one
 * multiplication by about three times.
 *
 * <p>Not constant time: the lookups depend on the scalar. Use it only for public scalars (verification).
 */
final class FixedBaseTable implements G1Multiplier {

    private static final int SCALAR_BITS = 256;

    private final int windowBits;
    private final P1_Affine[][] table;

    FixedBaseTable(P1_Affine base, int windowBits) {
        this.windowBits = windowBits;
        int windows = (SCALAR_BITS + windowBits - 1) / windowBits;
        int digits = (1 << windowBits) - 1;
        table = new P1_Affine[windows][digits];
        P1 windowBase = base.to_jacobian();
        for (int j = 0; j < windows; j++) {
            P1 multiple = windowBase.dup();
            for (int d = 0; d < digits; d++) {
                table[j][d] = multiple.to_affine();
                multiple.add(windowBase);
            }
            // multiple is now 2^w · windowBase: the base of the next window.
            windowBase = multiple;
        }
    }

    /** base · k for 0 ≤ k < 2^256; a fresh point the caller may change. */
    @Override
    public P1 multiply(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > SCALAR_BITS) {
            throw new IllegalArgumentException("scalar out of range");
        }
        long[] limbs = littleEndianLimbs(k);
        P1 sum = new P1();
        int bitLength = k.bitLength();
        for (int j = 0, shift = 0; shift < bitLength; j++, shift += windowBits) {
            int digit = digit(limbs, shift);
            if (digit != 0) {
                sum.add(table[j][digit - 1]);
            }
        }
        return sum;
    }

    private int digit(long[] limbs, int shift) {
        int limb = shift >>> 6;
        int offset = shift & 63;
        long bits = limbs[limb] >>> offset;
        if (offset + windowBits > 64 && limb + 1 < limbs.length) {
            bits |= limbs[limb + 1] << (64 - offset);
        }
        return (int) (bits & ((1L << windowBits) - 1));
    }

    private static long[] littleEndianLimbs(BigInteger k) {
        byte[] bigEndian = k.toByteArray();
        long[] limbs = new long[SCALAR_BITS / 64];
        for (int i = 0; i < bigEndian.length && i < SCALAR_BITS / 8; i++) {
            long b = bigEndian[bigEndian.length - 1 - i] & 0xffL;
            limbs[i >>> 3] |= b << ((i & 7) * 8);
        }
        return limbs;
    }
}
