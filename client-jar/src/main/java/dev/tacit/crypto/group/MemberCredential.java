package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.Pairing;
import supranational.blst.PT;

/**
 * One member key (A, x) of a group, with the group public key: everything needed to sign on the group's
 * behalf. An account hands one to each contact (inside its first-contact message) so the contact can reply
 * without spending a token; the server learns only that some member of the account's group signed.
 *
 * <p>Encoding (docs/protocol.md §2.2), 322 bytes: {@code 0x01 || group public key (241) || A (48) || x (32)}.
 * It contains a secret: keep it as confidential as a private key.
 */
public final class MemberCredential {

    static final byte VERSION = 0x01;
    /** Length of {@link #toBytes()}. */
    public static final int ENCODED_BYTES = 1 + GroupPublicKey.ENCODED_BYTES + Bls12381.G1_BYTES + Bls12381.SCALAR_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GroupPublicKey groupPublicKey;
    private final P1_Affine a;
    private final BigInteger x;

    MemberCredential(GroupPublicKey groupPublicKey, P1_Affine a, BigInteger x) {
        this.groupPublicKey = groupPublicKey;
        this.a = a;
        this.x = x;
    }

    /**
     * Decodes a credential and checks that it is a member key of its group: e(A, w · g2^x) = e(g1, g2).
     *
     * @throws InvalidMemberCredentialException if the bytes decode but are not a member key of the group
     * @throws MalformedEncodingException       if the bytes do not decode
     */
    public static MemberCredential fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != ENCODED_BYTES) {
            throw new MalformedEncodingException("member credential must be " + ENCODED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != VERSION) {
            throw new MalformedEncodingException("unknown member credential version " + (encoded[0] & 0xff));
        }
        int at = 1;
        GroupPublicKey gpk = GroupPublicKey.fromBytes(Arrays.copyOfRange(encoded, at, at + GroupPublicKey.ENCODED_BYTES));
        at += GroupPublicKey.ENCODED_BYTES;
        P1_Affine a = Bls12381.decodeG1(Arrays.copyOfRange(encoded, at, at + Bls12381.G1_BYTES), "A");
        at += Bls12381.G1_BYTES;
        BigInteger x = Bls12381.decodeScalar(Arrays.copyOfRange(encoded, at, at + Bls12381.SCALAR_BYTES), Bls12381.R,
                false, "x");
        if (!isMemberKey(gpk, a, x)) {
            throw new InvalidMemberCredentialException("A and x are not a member key of the group");
        }
        return new MemberCredential(gpk, a, x);
    }

    // e(A, w · g2^x) · e(-g1, g2) == 1, with one final exponentiation.
    private static boolean isMemberKey(GroupPublicKey gpk, P1_Affine a, BigInteger x) {
        P2 wTimesG2x = Bls12381.G2.to_jacobian().mult(x).add(gpk.w());
        Pairing millerLoops = new Pairing(true, "unused");
        millerLoops.raw_aggregate(wTimesG2x.to_affine(), a);
        millerLoops.raw_aggregate(Bls12381.G2, P1.generator().neg().to_affine());
        millerLoops.commit();
        return millerLoops.as_fp12().final_exp().is_one();
    }

    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_BYTES];
        out[0] = VERSION;
        int at = 1;
        System.arraycopy(groupPublicKey.encodedView(), 0, out, at, GroupPublicKey.ENCODED_BYTES);
        at += GroupPublicKey.ENCODED_BYTES;
        System.arraycopy(a.compress(), 0, out, at, Bls12381.G1_BYTES);
        at += Bls12381.G1_BYTES;
        System.arraycopy(Bls12381.encodeScalar(x), 0, out, at, Bls12381.SCALAR_BYTES);
        return out;
    }

    public GroupPublicKey groupPublicKey() {
        return groupPublicKey;
    }

    /** Signs {@code message} on behalf of the group, with fresh randomness. */
    public GroupSignature sign(GroupSignedMessage message) {
        return sign(message, SigningNonces.random(RANDOM));
    }

    /** Signs with the given nonces; only for reproducible examples, never reuse nonces. */
    GroupSignature sign(GroupSignedMessage message, SigningNonces n) {
        BigInteger r = Bls12381.R;
        P1_Affine h = groupPublicKey.h();
        P1_Affine u = groupPublicKey.u();
        P1_Affine v = groupPublicKey.v();

        P1 t1 = Bls12381.multiply(u, n.alpha());
        P1 t2 = Bls12381.multiply(v, n.beta());
        P1 t3 = Bls12381.multiply(h, n.alpha().add(n.beta()).mod(r)).add(a);
        P1_Affine t1Affine = t1.to_affine();
        P1_Affine t2Affine = t2.to_affine();
        P1_Affine t3Affine = t3.to_affine();
        BigInteger delta1 = x.multiply(n.alpha()).mod(r);
        BigInteger delta2 = x.multiply(n.beta()).mod(r);

        P1 r1 = Bls12381.multiply(u, n.rAlpha());
        P1 r2 = Bls12381.multiply(v, n.rBeta());
        // R3 = e(T3, g2)^r_x · e(h, w)^(-r_α-r_β) · e(h, g2)^(-r_δ1-r_δ2), with the exponents folded into G1.
        P1 g2Argument = Bls12381.multiply(t3Affine, n.rX())
                .add(Bls12381.multiply(h, n.rDelta1().add(n.rDelta2()).mod(r)).neg());
        P1 wArgument = Bls12381.multiply(h, n.rAlpha().add(n.rBeta()).mod(r)).neg();
        PT r3 = Bls12381.pairingProduct(g2Argument, wArgument, groupPublicKey.w());
        P1 r4 = Bls12381.multiply(t1Affine, n.rX()).add(Bls12381.multiply(u, n.rDelta1()).neg());
        P1 r5 = Bls12381.multiply(t2Affine, n.rX()).add(Bls12381.multiply(v, n.rDelta2()).neg());

        BigInteger c = Challenge.compute(groupPublicKey, message, t1Affine, t2Affine, t3Affine,
                new Commitments(r1, r2, r3, r4, r5));
        return new GroupSignature(t1, t2, t3, c,
                n.rAlpha().add(c.multiply(n.alpha())).mod(r),
                n.rBeta().add(c.multiply(n.beta())).mod(r),
                n.rX().add(c.multiply(x)).mod(r),
                n.rDelta1().add(c.multiply(delta1)).mod(r),
                n.rDelta2().add(c.multiply(delta2)).mod(r));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberCredential && Arrays.equals(toBytes(), ((MemberCredential) other).toBytes());
    }

    @Override
    public int hashCode() {
        return groupPublicKey.hashCode();
    }

    @Override
    public String toString() {
        return "MemberCredential[group=" + groupPublicKey + ", member key redacted]";
    }
}
