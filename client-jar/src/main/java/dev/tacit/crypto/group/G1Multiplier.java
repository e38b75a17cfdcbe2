package dev.tacit.crypto.group;

import java.math.BigInteger;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * Multiplication of one fixed G1 point by public scalars: through a precomputed table ({@link FixedBaseTable})
 * or directly with blst ({@link #direct}). The verifier's equation is written once against this interface.
 */
interface G1Multiplier {

    /** base · k for 0 ≤ k &lt; 2^256; a fresh point the caller may change. */
    P1 multiply(BigInteger k);

    /** blst's variable-base multiplication: nothing to precompute. */
    static G1Multiplier direct(P1_Affine base) {
        return k -> Bls12381.multiply(base, k);
    }
}
