package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The seven fresh scalars of one signature: α, β (the linear encryption of A) and the proof's blinding
 * values r_α, r_β, r_x, r_δ1, r_δ2. Reusing any of them across two signatures reveals the member key.
 */
record SigningNonces(BigInteger alpha, BigInteger beta, BigInteger rAlpha, BigInteger rBeta, BigInteger rX,
        BigInteger rDelta1, BigInteger rDelta2) {

    /** Each scalar from 48 random bytes reduced mod r, so its bias is below 2^-128. */
    static SigningNonces random(SecureRandom random) {
        BigInteger[] k = new BigInteger[7];
        byte[] bytes = new byte[ExpandMessageXmd.SCALAR_EXPANSION_BYTES];
        for (int i = 0; i < k.length; i++) {
            random.nextBytes(bytes);
            k[i] = new BigInteger(1, bytes).mod(Bls12381.R);
        }
        return new SigningNonces(k[0], k[1], k[2], k[3], k[4], k[5], k[6]);
    }

    @Override
    public String toString() {
        return "SigningNonces[redacted]";
    }
}
