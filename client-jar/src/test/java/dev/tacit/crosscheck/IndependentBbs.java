package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP12;

import static dev.tacit.crosscheck.MilagroBls12381.G1_BYTES;
import static dev.tacit.crosscheck.MilagroBls12381.R;
import static dev.tacit.crosscheck.MilagroBls12381.decodeG1;
import static dev.tacit.crosscheck.MilagroBls12381.encodeG1;
import static dev.tacit.crosscheck.MilagroBls12381.g1;
import static dev.tacit.crosscheck.MilagroBls12381.g2;
import static dev.tacit.crosscheck.MilagroBls12381.mul;
import static dev.tacit.crosscheck.MilagroBls12381.pairing;
import static dev.tacit.crosscheck.MilagroBls12381.power;
import static dev.tacit.crosscheck.MilagroBls12381.product;

/**
 * The BBS group signature of docs/protocol.md §2.2, written from the document (and BBS §5) on Milagro's arithmetic.
 * R3 is computed in the paper's form, with GT exponentiations, not in the document's folded two-pairing form, so
 * the folding is checked too. A group key of version 2 (§2.2.9) brings its own g1 and g2, used wherever the
 * equations name them.
 */
final class IndependentBbs {

    static final String MEMBER_SECRET_DST = "TACIT-V1-BBS-MEMBER-SECRET";
    static final String CHALLENGE_DST = "TACIT-V1-BBS-CHALLENGE";
    static final int VERSION = 1;
    static final int GROUP_KEY_BYTES = 241;
    static final int GROUP_KEY_V2_BYTES = 385;
    static final int SIGNATURE_BYTES = 321;
    static final int CHALLENGE_BYTES = 16;
    static final int SCALAR_BYTES = 32;

    private IndependentBbs() {
    }

    /** A decoded group public key with the pairings every signature needs. */
    static final class GroupKey {
        final byte[] encoded;
        final ECP h;
        final ECP u;
        final ECP v;
        final ECP2 w;
        final ECP g1;
        final ECP2 g2;
        final FP12 eHW;
        final FP12 eHG2;
        final FP12 eG1G2Inverse;

        GroupKey(byte[] encoded) {
            boolean v1 = encoded.length == GROUP_KEY_BYTES && encoded[0] == VERSION;
            boolean v2 = encoded.length == GROUP_KEY_V2_BYTES && encoded[0] == 2;
            if (!v1 && !v2) {
                throw new IllegalArgumentException("not a group public key of version 1 or 2");
            }
            this.encoded = encoded.clone();
            h = decodeG1(Arrays.copyOfRange(encoded, 1, 49));
            u = decodeG1(Arrays.copyOfRange(encoded, 49, 97));
            v = decodeG1(Arrays.copyOfRange(encoded, 97, 145));
            w = MilagroBls12381.decodeG2(Arrays.copyOfRange(encoded, 145, 241));
            g1 = v1 ? g1() : decodeG1(Arrays.copyOfRange(encoded, 241, 289));
            g2 = v1 ? g2() : MilagroBls12381.decodeG2(Arrays.copyOfRange(encoded, 289, 385));
            eHW = pairing(h, w);
            eHG2 = pairing(h, g2);
            eG1G2Inverse = inverse(pairing(g1, g2));
        }
    }

    /** The five commitments, as signer and verifier compute them. */
    record Commitments(ECP r1, ECP r2, FP12 r3, ECP r4, ECP r5) {
    }

    /** A decoded signature (§2.2.3). */
    record Signature(byte[] t1Bytes, byte[] t2Bytes, byte[] t3Bytes, ECP t1, ECP t2, ECP t3, BigInteger c,
                     BigInteger sAlpha, BigInteger sBeta, BigInteger sX, BigInteger sDelta1, BigInteger sDelta2) {

        static Signature decode(byte[] encoded) {
            if (encoded.length != SIGNATURE_BYTES || encoded[0] != VERSION) {
                throw new IllegalArgumentException("not a version-1 group signature");
            }
            byte[][] t = new byte[3][];
            for (int i = 0; i < 3; i++) {
                t[i] = Arrays.copyOfRange(encoded, 1 + i * G1_BYTES, 1 + (i + 1) * G1_BYTES);
            }
            int at = 1 + 3 * G1_BYTES;
            BigInteger c = Octets.os2ip(Arrays.copyOfRange(encoded, at, at + CHALLENGE_BYTES));
            BigInteger[] s = new BigInteger[5];
            for (int i = 0; i < 5; i++) {
                int from = at + CHALLENGE_BYTES + i * SCALAR_BYTES;
                s[i] = Octets.os2ip(Arrays.copyOfRange(encoded, from, from + SCALAR_BYTES));
                if (s[i].compareTo(R) >= 0) {
                    throw new IllegalArgumentException("response not below r");
                }
            }
            return new Signature(t[0], t[1], t[2], decodeG1(t[0]), decodeG1(t[1]), decodeG1(t[2]), c, s[0], s[1], s[2], s[3], s[4]);
        }
    }

    /**
     * message = I2OSP(len(recipient), 2) || recipient || envelope_digest || I2OSP(timestamp, 8) (§2.2.4), with
     * recipient the E.164 number in ASCII and envelope_digest SHA-256 (the JDK's SUN provider) over the whole
     * sealed envelope.
     */
    static byte[] message(String e164, byte[] sealedEnvelope, long timestamp) throws GeneralSecurityException {
        byte[] recipient = Octets.ascii(e164);
        byte[] envelopeDigest = MessageDigest.getInstance("SHA-256", "SUN").digest(sealedEnvelope);
        return Octets.concat(Octets.i2osp(recipient.length, 2), recipient, envelopeDigest, Octets.i2osp(timestamp, 8));
    }

    /** §2.2.5 with the given nonces α, β, r_α, r_β, r_x, r_δ1, r_δ2; returns the 321-byte signature. */
    static byte[] sign(GroupKey gpk, ECP a, BigInteger x, byte[] message, BigInteger[] nonces) throws GeneralSecurityException {
        BigInteger alpha = nonces[0];
        BigInteger beta = nonces[1];
        BigInteger rAlpha = nonces[2];
        BigInteger rBeta = nonces[3];
        BigInteger rX = nonces[4];
        BigInteger rDelta1 = nonces[5];
        BigInteger rDelta2 = nonces[6];
        ECP t1 = mul(gpk.u, alpha);
        ECP t2 = mul(gpk.v, beta);
        ECP t3 = product(a, mul(gpk.h, alpha.add(beta)));
        BigInteger delta1 = x.multiply(alpha).mod(R);
        BigInteger delta2 = x.multiply(beta).mod(R);
        Commitments commitments = new Commitments(
                mul(gpk.u, rAlpha),
                mul(gpk.v, rBeta),
                product(power(pairing(t3, gpk.g2), rX), power(gpk.eHW, rAlpha.add(rBeta).negate()),
                        power(gpk.eHG2, rDelta1.add(rDelta2).negate())),
                product(mul(t1, rX), mul(gpk.u, rDelta1.negate())),
                product(mul(t2, rX), mul(gpk.v, rDelta2.negate())));
        BigInteger c = challenge(gpk, encodeG1(t1), encodeG1(t2), encodeG1(t3), commitments, message);
        return Octets.concat(new byte[] {VERSION}, encodeG1(t1), encodeG1(t2), encodeG1(t3), Octets.i2osp(c, CHALLENGE_BYTES),
                scalar(rAlpha.add(c.multiply(alpha))), scalar(rBeta.add(c.multiply(beta))), scalar(rX.add(c.multiply(x))),
                scalar(rDelta1.add(c.multiply(delta1))), scalar(rDelta2.add(c.multiply(delta2))));
    }

    /** The verifier's commitments R1' ... R5' (§2.2.6), R3' in the paper's form. */
    static Commitments recompute(GroupKey gpk, Signature s) {
        BigInteger minusC = s.c().negate();
        FP12 ratio = product(pairing(s.t3(), gpk.w), gpk.eG1G2Inverse);
        return new Commitments(
                product(mul(gpk.u, s.sAlpha()), mul(s.t1(), minusC)),
                product(mul(gpk.v, s.sBeta()), mul(s.t2(), minusC)),
                product(power(pairing(s.t3(), gpk.g2), s.sX()), power(gpk.eHW, s.sAlpha().add(s.sBeta()).negate()),
                        power(gpk.eHG2, s.sDelta1().add(s.sDelta2()).negate()), power(ratio, s.c())),
                product(mul(s.t1(), s.sX()), mul(gpk.u, s.sDelta1().negate())),
                product(mul(s.t2(), s.sX()), mul(gpk.v, s.sDelta2().negate())));
    }

    /** Accepts iff the challenge recomputed from R1' ... R5' equals c. */
    static boolean verify(GroupKey gpk, byte[] signature, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.decode(signature);
        return challenge(gpk, s, recompute(gpk, s), message).equals(s.c());
    }

    /** The challenge computed from a signature's T1, T2, T3 and the verifier's commitments. */
    static BigInteger challenge(GroupKey gpk, Signature s, Commitments recomputed, byte[] message) throws GeneralSecurityException {
        return challenge(gpk, s.t1Bytes(), s.t2Bytes(), s.t3Bytes(), recomputed, message);
    }

    /** The string hashed into c (§2.2.5 step 4). */
    static byte[] challengeInput(GroupKey gpk, byte[] t1, byte[] t2, byte[] t3, Commitments r, byte[] message) {
        return Octets.concat(gpk.encoded, t1, t2, t3, encodeG1(r.r1()), encodeG1(r.r2()), MilagroBls12381.encodeGt(r.r3()),
                encodeG1(r.r4()), encodeG1(r.r5()), message);
    }

    private static BigInteger challenge(GroupKey gpk, byte[] t1, byte[] t2, byte[] t3, Commitments r, byte[] message)
            throws GeneralSecurityException {
        return Octets.os2ip(Xmd.expand(challengeInput(gpk, t1, t2, t3, r, message), CHALLENGE_DST, CHALLENGE_BYTES));
    }

    /** Opening (§2.2.7): A = T3 · (T1^ξ1 · T2^ξ2)⁻¹. */
    static ECP open(Signature s, BigInteger xi1, BigInteger xi2) {
        ECP blinding = product(mul(s.t1(), xi1), mul(s.t2(), xi2));
        blinding.neg();
        return product(s.t3(), blinding);
    }

    private static FP12 inverse(FP12 f) {
        FP12 inverse = new FP12(f);
        inverse.inverse();
        return inverse;
    }

    private static byte[] scalar(BigInteger value) {
        return Octets.i2osp(value.mod(R), SCALAR_BYTES);
    }
}
