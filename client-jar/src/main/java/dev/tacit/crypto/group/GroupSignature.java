package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A BBS group signature σ = (T1, T2, T3, c, s_α, s_β, s_x, s_δ1, s_δ2): a linear encryption of the signer's
 * A under the opening key, and a Fiat–Shamir proof that the signer holds some member key (A, x).
 *
 * <p>Encoding (docs/protocol.md §2.2), 321 bytes: {@code 0x01 || T1 || T2 || T3 || c (16) || s_α || s_β ||
 * s_x || s_δ1 || s_δ2}, compressed G1 points and 32-byte big-endian scalars.
 */
public final class GroupSignature {

    static final byte VERSION = 0x01;
    /** The challenge is a 128-bit integer, encoded on 16 bytes. */
    static final int CHALLENGE_BYTES = 16;
    static final BigInteger CHALLENGE_BOUND = BigInteger.ONE.shiftLeft(8 * CHALLENGE_BYTES);
    /** Length of {@link #toBytes()}. */
    public static final int ENCODED_BYTES = 1 + 3 * Bls12381.G1_BYTES + CHALLENGE_BYTES + 5 * Bls12381.SCALAR_BYTES;

    private static final String[] RESPONSE_NAMES = {"s_alpha", "s_beta", "s_x", "s_delta1", "s_delta2"};

    private final P1_Affine t1;
    private final P1_Affine t2;
    private final P1_Affine t3;
    private final BigInteger challenge;
    private final BigInteger[] responses;
    private final byte[] encoded;

    GroupSignature(P1 t1, P1 t2, P1 t3, BigInteger challenge, BigInteger sAlpha, BigInteger sBeta, BigInteger sX,
            BigInteger sDelta1, BigInteger sDelta2) {
        this.t1 = t1.to_affine();
        this.t2 = t2.to_affine();
        this.t3 = t3.to_affine();
        this.challenge = challenge;
        this.responses = new BigInteger[] {sAlpha, sBeta, sX, sDelta1, sDelta2};
        this.encoded = encode(this.t1, this.t2, this.t3, challenge, responses);
    }

    private GroupSignature(P1_Affine t1, P1_Affine t2, P1_Affine t3, BigInteger challenge, BigInteger[] responses,
            byte[] encoded) {
        this.t1 = t1;
        this.t2 = t2;
        this.t3 = t3;
        this.challenge = challenge;
        this.responses = responses;
        this.encoded = encoded;
    }

    /**
     * Decodes a signature, checking every point (canonical, in the prime-order subgroup, not the identity),
     * the challenge (any 128-bit value) and every response (below r; zero allowed, since an honest response
     * is uniform in Z_r).
     */
    public static GroupSignature fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != ENCODED_BYTES) {
            throw new MalformedEncodingException("group signature must be " + ENCODED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != VERSION) {
            throw new MalformedEncodingException("unknown group signature version " + (encoded[0] & 0xff));
        }
        int at = 1;
        P1_Affine[] points = new P1_Affine[3];
        for (int i = 0; i < 3; i++, at += Bls12381.G1_BYTES) {
            points[i] = Bls12381.decodeG1(Arrays.copyOfRange(encoded, at, at + Bls12381.G1_BYTES), "T" + (i + 1));
        }
        BigInteger challenge = new BigInteger(1, Arrays.copyOfRange(encoded, at, at + CHALLENGE_BYTES));
        at += CHALLENGE_BYTES;
        BigInteger[] responses = new BigInteger[RESPONSE_NAMES.length];
        for (int i = 0; i < responses.length; i++, at += Bls12381.SCALAR_BYTES) {
            responses[i] = Bls12381.decodeScalar(Arrays.copyOfRange(encoded, at, at + Bls12381.SCALAR_BYTES),
                    Bls12381.R, true, RESPONSE_NAMES[i]);
        }
        return new GroupSignature(points[0], points[1], points[2], challenge, responses, encoded.clone());
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    P1_Affine t1() {
        return t1;
    }

    P1_Affine t2() {
        return t2;
    }

    P1_Affine t3() {
        return t3;
    }

    BigInteger challenge() {
        return challenge;
    }

    BigInteger sAlpha() {
        return responses[0];
    }

    BigInteger sBeta() {
        return responses[1];
    }

    BigInteger sX() {
        return responses[2];
    }

    BigInteger sDelta1() {
        return responses[3];
    }

    BigInteger sDelta2() {
        return responses[4];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupSignature && Arrays.equals(encoded, ((GroupSignature) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "GroupSignature[" + HexFormat.of().formatHex(encoded, 1, 9) + "…]";
    }

    private static byte[] encode(P1_Affine t1, P1_Affine t2, P1_Affine t3, BigInteger challenge, BigInteger[] responses) {
        byte[] out = new byte[ENCODED_BYTES];
        out[0] = VERSION;
        int at = 1;
        for (P1_Affine t : new P1_Affine[] {t1, t2, t3}) {
            System.arraycopy(t.compress(), 0, out, at, Bls12381.G1_BYTES);
            at += Bls12381.G1_BYTES;
        }
        System.arraycopy(Bls12381.encodeInteger(challenge, CHALLENGE_BYTES), 0, out, at, CHALLENGE_BYTES);
        at += CHALLENGE_BYTES;
        for (BigInteger s : responses) {
            System.arraycopy(Bls12381.encodeScalar(s), 0, out, at, Bls12381.SCALAR_BYTES);
            at += Bls12381.SCALAR_BYTES;
        }
        return out;
    }
}
