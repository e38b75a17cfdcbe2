package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * One member key (A, x) of a group, with the group public key: everything needed to sign on the group's
 * behalf. An account hands one to each contact (inside its first-contact message) so the contact can reply
 * without spending a token; the server learns only that some member of the account's group signed.
 *
 * <p>Encoding (docs/protocol.md §2.2.3): {@code version || group public key || A (48) || x (32)}, the version
 * and the key's length those of the group public key: 322 bytes (version 1) or 466 bytes (version 2, a group
 * that has revoked members). It contains a secret: keep it as confidential as a private key.
 */
public final class MemberCredential {

    /** Length of {@link #toBytes()} for a group key of version 1 (no member ever revoked). */
    public static final int ENCODED_BYTES_V1 = 1 + GroupPublicKey.ENCODED_BYTES_V1 + Bls12381.G1_BYTES
            + Bls12381.SCALAR_BYTES;
    /** Length of {@link #toBytes()} for a group key of version 2. */
    public static final int ENCODED_BYTES_V2 = 1 + GroupPublicKey.ENCODED_BYTES_V2 + Bls12381.G1_BYTES
            + Bls12381.SCALAR_BYTES;
    /** The longest encoding {@link #toBytes()} can return. */
    public static final int MAX_ENCODED_BYTES = ENCODED_BYTES_V2;

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
        if (encoded.length == 0) {
            throw new MalformedEncodingException("member credential is empty");
        }
        int keyBytes = switch (encoded[0]) {
            case GroupPublicKey.VERSION_STANDARD_GENERATORS -> GroupPublicKey.ENCODED_BYTES_V1;
            case GroupPublicKey.VERSION_OWN_GENERATORS -> GroupPublicKey.ENCODED_BYTES_V2;
            default -> throw new MalformedEncodingException("unknown member credential version " + (encoded[0] & 0xff));
        };
        int expected = 1 + keyBytes + Bls12381.G1_BYTES + Bls12381.SCALAR_BYTES;
        if (encoded.length != expected) {
            throw new MalformedEncodingException("member credential of version " + encoded[0] + " must be " + expected
                    + " bytes, got " + encoded.length);
        }
        if (encoded[1] != encoded[0]) {
            throw new MalformedEncodingException("member credential of version " + encoded[0]
                    + " holds a group public key of version " + (encoded[1] & 0xff));
        }
        int at = 1;
        GroupPublicKey gpk = GroupPublicKey.fromBytes(Arrays.copyOfRange(encoded, at, at + keyBytes));
        at += keyBytes;
        P1_Affine a = Bls12381.decodeG1(Arrays.copyOfRange(encoded, at, at + Bls12381.G1_BYTES), "A");
        at += Bls12381.G1_BYTES;
        BigInteger x = Bls12381.decodeScalar(Arrays.copyOfRange(encoded, at, at + Bls12381.SCALAR_BYTES), Bls12381.R,
                false, "x");
        if (!isMemberKey(gpk, a, x)) {
            throw new InvalidMemberCredentialException("A and x are not a member key of the group");
        }
        return new MemberCredential(gpk, a, x);
    }

    // e(A, w · g2^x) == e(g1, g2), with one two-pair Miller loop and one final exponentiation.
    private static boolean isMemberKey(GroupPublicKey gpk, P1_Affine a, BigInteger x) {
        P2_Affine wTimesG2x = Bls12381.multiply(gpk.g2(), x).add(gpk.w()).to_affine();
        return Bls12381.pairingsEqual(a, wTimesG2x, gpk.g1(), gpk.g2());
    }

    /** The version byte is the group public key's, so the credential's is the key's first byte. */
    public byte[] toBytes() {
        byte[] key = groupPublicKey.encodedView();
        byte[] out = new byte[1 + key.length + Bls12381.G1_BYTES + Bls12381.SCALAR_BYTES];
        out[0] = key[0];
        int at = 1;
        System.arraycopy(key, 0, out, at, key.length);
        at += key.length;
        System.arraycopy(a.compress(), 0, out, at, Bls12381.G1_BYTES);
        at += Bls12381.G1_BYTES;
        System.arraycopy(Bls12381.encodeScalar(x), 0, out, at, Bls12381.SCALAR_BYTES);
        return out;
    }

    /**
     * This member's credential for the group key that follows {@code update} (docs/protocol.md §2.2.9): the
     * update is checked against this credential's key ({@link GroupPublicKey#apply}), then
     * A' = (A* · A⁻¹)^(1/(x − x*) mod r), one inversion and one G1 multiplication; x stays.
     *
     * @throws MemberRevokedException         if the update is valid and revokes this member
     * @throws InvalidGroupKeyUpdateException if the update does not apply to this credential's key
     */
    public MemberCredential update(GroupKeyUpdate update) throws InvalidGroupKeyUpdateException, MemberRevokedException {
        GroupPublicKey next = groupPublicKey.apply(update);
        // Checked after apply: a forged update naming this x must not make a member believe it was revoked.
        BigInteger difference = x.subtract(update.revokedX()).mod(Bls12381.R);
        if (difference.signum() == 0) {
            throw new MemberRevokedException("the group's manager revoked this member");
        }
        P1 quotient = update.revokedA().to_jacobian().add(a.to_jacobian().neg());
        P1_Affine nextA = quotient.mult(difference.modInverse(Bls12381.R)).to_affine();
        return new MemberCredential(next, nextA, x);
    }

    P1_Affine a() {
        return a;
    }

    /** The member secret; package code and tests only. */
    BigInteger x() {
        return x;
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
        // R3 = e(T3, g2)^r_x · e(h, w)^(-r_α-r_β) · e(h, g2)^(-r_δ1-r_δ2), with the exponents folded into G1;
        // g2 is the key's (the standard generator until a member is revoked).
        P1 g2Argument = Bls12381.multiply(t3Affine, n.rX())
                .add(Bls12381.multiply(h, n.rDelta1().add(n.rDelta2()).mod(r)).neg());
        P1 wArgument = Bls12381.multiply(h, n.rAlpha().add(n.rBeta()).mod(r)).neg();
        PT r3 = Bls12381.pairingProduct(g2Argument, groupPublicKey.g2(), wArgument, groupPublicKey.w());
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
