package dev.tacit.crypto.group;

import java.math.BigInteger;

import dev.tacit.crypto.VerificationFailedException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.PT;

/**
 * Verifies group signatures of one group (docs/protocol.md §2.2.6). Thread-safe. Two kinds, which compute
 * the same commitments with the same equation and differ only in how they multiply the group's fixed points
 * h, u and v:
 * <ul>
 * <li>{@link #withoutTables}: nothing to precompute, so creating one is free; for a group seen once or rarely;
 * <li>{@link #withTables}: precomputes fixed-base tables for h, u and v (about fifteen verifications' worth
 * of time, ~1 MB of heap), which makes each verification a fifth to a quarter cheaper; for a group that keeps
 * receiving.
 * </ul>
 * For the standard generator g1 both use one table, shared by all groups and built once per JVM; a group
 * that has revoked members has its own g1 (docs/protocol.md §2.2.9), which the verifier with tables gives a
 * table of its own and the one without multiplies directly, like h, u and v.
 *
 * <p>Verification recomputes the proof's commitments and compares the challenge:
 * <pre>
 * R1 = u^s_α · T1^-c          R2 = v^s_β · T2^-c
 * R4 = T1^s_x · u^-s_δ1       R5 = T2^s_x · v^-s_δ2
 * R3 = e(T3^s_x · h^-(s_δ1+s_δ2) · g1^-c, g2) · e(h^-(s_α+s_β) · T3^c, w)
 * </pre>
 * R3 is the paper's e(T3,g2)^s_x · e(h,w)^(-s_α-s_β) · e(h,g2)^(-s_δ1-s_δ2) · (e(T3,w)/e(g1,g2))^c with every
 * GT exponent folded into the G1 argument of the pairing with the same G2 point: one Miller loop over the
 * two pairs (they share its squarings) and one final exponentiation.
 */
public final class GroupSignatureVerifier {

    /** Window of the per-group tables: 43 additions per multiplication, 2709 points per base. */
    private static final int GROUP_WINDOW_BITS = 6;
    /** g1 is shared by all groups, so its table can afford a wider window (32 additions, 8160 points). */
    private static final int GENERATOR_WINDOW_BITS = 8;

    private static final class GeneratorTable {
        static final FixedBaseTable G1 = new FixedBaseTable(Bls12381.G1, GENERATOR_WINDOW_BITS);
    }

    private final GroupPublicKey groupPublicKey;
    private final boolean precomputed;
    private final G1Multiplier h;
    private final G1Multiplier u;
    private final G1Multiplier v;
    private final G1Multiplier g1;

    private GroupSignatureVerifier(GroupPublicKey groupPublicKey, boolean precomputed, G1Multiplier h, G1Multiplier u,
            G1Multiplier v, G1Multiplier g1) {
        this.groupPublicKey = groupPublicKey;
        this.precomputed = precomputed;
        this.h = h;
        this.u = u;
        this.v = v;
        this.g1 = g1;
    }

    /** A verifier that precomputes nothing: about three pairings' cost per verification, none to create. */
    public static GroupSignatureVerifier withoutTables(GroupPublicKey groupPublicKey) {
        return new GroupSignatureVerifier(groupPublicKey, false, G1Multiplier.direct(groupPublicKey.h()),
                G1Multiplier.direct(groupPublicKey.u()), G1Multiplier.direct(groupPublicKey.v()),
                groupPublicKey.hasStandardGenerators() ? GeneratorTable.G1 : G1Multiplier.direct(groupPublicKey.g1()));
    }

    /**
     * A verifier with fixed-base tables for h, u and v: building it costs about as much as fifteen
     * verifications, each later one is then cheaper. Keep it while the group is in use.
     */
    public static GroupSignatureVerifier withTables(GroupPublicKey groupPublicKey) {
        return new GroupSignatureVerifier(groupPublicKey, true,
                new FixedBaseTable(groupPublicKey.h(), GROUP_WINDOW_BITS),
                new FixedBaseTable(groupPublicKey.u(), GROUP_WINDOW_BITS),
                new FixedBaseTable(groupPublicKey.v(), GROUP_WINDOW_BITS),
                groupPublicKey.hasStandardGenerators() ? GeneratorTable.G1
                        : new FixedBaseTable(groupPublicKey.g1(), GROUP_WINDOW_BITS));
    }

    public GroupPublicKey groupPublicKey() {
        return groupPublicKey;
    }

    /** Whether this verifier holds fixed-base tables ({@link #withTables}). */
    public boolean hasTables() {
        return precomputed;
    }

    /**
     * Checks that {@code signature} was made on {@code message} by some member of this group.
     *
     * @throws VerificationFailedException if it was not
     */
    public void verify(GroupSignature signature, GroupSignedMessage message) throws VerificationFailedException {
        if (!isValid(signature, message)) {
            throw new VerificationFailedException("group signature does not verify");
        }
    }

    boolean isValid(GroupSignature signature, GroupSignedMessage message) {
        Commitments commitments = recomputeCommitments(signature);
        BigInteger expected = Challenge.compute(groupPublicKey, message, signature.t1(), signature.t2(),
                signature.t3(), commitments);
        // The challenge is public, so an ordinary comparison leaks nothing.
        return expected.equals(signature.challenge());
    }

    /** R1..R5 from the signature's responses and challenge; equal to the signer's if the signature is valid. */
    Commitments recomputeCommitments(GroupSignature signature) {
        BigInteger r = Bls12381.R;
        BigInteger c = signature.challenge();
        P1_Affine t1 = signature.t1();
        P1_Affine t2 = signature.t2();
        P1_Affine t3 = signature.t3();

        P1 r1 = u.multiply(signature.sAlpha()).add(Bls12381.multiply(t1, c).neg());
        P1 r2 = v.multiply(signature.sBeta()).add(Bls12381.multiply(t2, c).neg());
        P1 r4 = Bls12381.multiply(t1, signature.sX()).add(u.multiply(signature.sDelta1()).neg());
        P1 r5 = Bls12381.multiply(t2, signature.sX()).add(v.multiply(signature.sDelta2()).neg());
        P1 g2Argument = Bls12381.multiply(t3, signature.sX())
                .add(h.multiply(signature.sDelta1().add(signature.sDelta2()).mod(r)).neg())
                .add(g1.multiply(c).neg());
        P1 wArgument = Bls12381.multiply(t3, c)
                .add(h.multiply(signature.sAlpha().add(signature.sBeta()).mod(r)).neg());
        PT r3 = Bls12381.pairingProduct(g2Argument, groupPublicKey.g2(), wArgument, groupPublicKey.w());
        return new Commitments(r1, r2, r3, r4, r5);
    }

    @Override
    public String toString() {
        return "GroupSignatureVerifier[" + groupPublicKey + (precomputed ? ", with tables]" : ", without tables]");
    }
}
