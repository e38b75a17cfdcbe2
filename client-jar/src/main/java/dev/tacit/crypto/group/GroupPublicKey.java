package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BBS group public key (h, u, v, w) with its generators g1 and g2: the standard BLS12-381 generators until
 * the manager revokes a member, other points after (docs/protocol.md §2.2.9).
 *
 * <p>Encodings (docs/protocol.md §2.2.3): version 1, {@code 0x01 || h || u || v || w}, 241 bytes, when g1 and
 * g2 are the standard generators; version 2, {@code 0x02 || h || u || v || w || g1 || g2}, 385 bytes,
 * otherwise. A key has exactly one encoding: the challenge hashes it and the server compares keys by bytes.
 * The server stores it per account and builds a {@link GroupSignatureVerifier} from it.
 */
public final class GroupPublicKey {

    static final byte VERSION_STANDARD_GENERATORS = 0x01;
    static final byte VERSION_OWN_GENERATORS = 0x02;
    /** Length of the version-1 encoding (standard generators). */
    public static final int ENCODED_BYTES_V1 = 1 + 3 * Bls12381.G1_BYTES + Bls12381.G2_BYTES;
    /** Length of the version-2 encoding (the key's own g1 and g2, after a revocation). */
    public static final int ENCODED_BYTES_V2 = ENCODED_BYTES_V1 + Bls12381.G1_BYTES + Bls12381.G2_BYTES;
    /** The longest encoding {@link #toBytes()} can return. */
    public static final int MAX_ENCODED_BYTES = ENCODED_BYTES_V2;

    // blst points are mutable: code of this package reads them but never changes them (dup() first).
    private final P1_Affine h;
    private final P1_Affine u;
    private final P1_Affine v;
    private final P2_Affine w;
    private final P1_Affine g1;
    private final P2_Affine g2;
    private final byte[] encoded;

    /** A key with the standard generators. */
    GroupPublicKey(P1 h, P1 u, P1 v, P2 w) {
        this(h.to_affine(), u.to_affine(), v.to_affine(), w.to_affine(), Bls12381.G1, Bls12381.G2);
    }

    /** A key with the given generators; encoded as version 1 if they are the standard ones. */
    GroupPublicKey(P1_Affine h, P1_Affine u, P1_Affine v, P2_Affine w, P1_Affine g1, P2_Affine g2) {
        this.h = h;
        this.u = u;
        this.v = v;
        this.w = w;
        this.g1 = g1;
        this.g2 = g2;
        this.encoded = encode(h, u, v, w, g1, g2);
    }

    /**
     * Decodes and fully checks a group public key: every point on its curve, in the prime-order subgroup
     * and not the identity; a version-2 key whose generators are the standard ones is refused (it has a
     * version-1 encoding).
     */
    public static GroupPublicKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length == 0) {
            throw new MalformedEncodingException("group public key is empty");
        }
        int expected = switch (encoded[0]) {
            case VERSION_STANDARD_GENERATORS -> ENCODED_BYTES_V1;
            case VERSION_OWN_GENERATORS -> ENCODED_BYTES_V2;
            default -> throw new MalformedEncodingException("unknown group public key version " + (encoded[0] & 0xff));
        };
        if (encoded.length != expected) {
            throw new MalformedEncodingException("group public key of version " + encoded[0] + " must be " + expected
                    + " bytes, got " + encoded.length);
        }
        int g1Bytes = Bls12381.G1_BYTES;
        P1_Affine h = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1, 1 + g1Bytes), "h");
        P1_Affine u = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1 + g1Bytes, 1 + 2 * g1Bytes), "u");
        P1_Affine v = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1 + 2 * g1Bytes, 1 + 3 * g1Bytes), "v");
        P2_Affine w = Bls12381.decodeG2(Arrays.copyOfRange(encoded, 1 + 3 * g1Bytes, ENCODED_BYTES_V1), "w");
        P1_Affine g1 = Bls12381.G1;
        P2_Affine g2 = Bls12381.G2;
        if (encoded[0] == VERSION_OWN_GENERATORS) {
            g1 = Bls12381.decodeG1(Arrays.copyOfRange(encoded, ENCODED_BYTES_V1, ENCODED_BYTES_V1 + g1Bytes), "g1");
            g2 = Bls12381.decodeG2(Arrays.copyOfRange(encoded, ENCODED_BYTES_V1 + g1Bytes, ENCODED_BYTES_V2), "g2");
            if (isStandard(g1, g2)) {
                throw new MalformedEncodingException("a group public key with the standard generators is encoded as version 1");
            }
        }
        return new GroupPublicKey(h, u, v, w, g1, g2);
    }

    /**
     * The next group key after a revocation (docs/protocol.md §2.2.9): g1' = A*, g2' from the update,
     * w' = g2 · g2'^(−x*), h, u and v unchanged; only after checking that the update was made by this group's
     * manager for this very key: e(A*, g2) = e(g1, g2') and e(A*, w · g2^x*) = e(g1, g2).
     *
     * @throws InvalidGroupKeyUpdateException if either check fails: the update is forged, or it is meant for
     *                                        another key (another group, or another point of this key's chain)
     */
    public GroupPublicKey apply(GroupKeyUpdate update) throws InvalidGroupKeyUpdateException {
        P1_Affine revokedA = update.revokedA();
        BigInteger revokedX = update.revokedX();
        P2_Affine nextG2 = update.nextG2();
        // g1' = A* = g1^t and g2' = g2^t for the same t ...
        if (!Bls12381.pairingsEqual(revokedA, g2, g1, nextG2)) {
            throw new InvalidGroupKeyUpdateException("the update's g2' does not match its A* for this group key");
        }
        // ... and t = 1/(γ + x*): A* is the member key of x*, so g2' = g2^(1/(γ + x*)), which needs γ.
        P2_Affine wTimesG2x = Bls12381.multiply(g2, revokedX).add(w).to_affine();
        if (!Bls12381.pairingsEqual(revokedA, wTimesG2x, g1, g2)) {
            throw new InvalidGroupKeyUpdateException("the update's A* and x* are not a member key of this group key");
        }
        P2 nextW = Bls12381.multiply(nextG2, revokedX).neg().add(g2);
        if (nextW.is_inf()) {
            // Only if γ = 0, which key generation excludes; checked so that no key ever has an identity point.
            throw new InvalidGroupKeyUpdateException("the update gives a group key whose w is the identity");
        }
        return new GroupPublicKey(h, u, v, nextW.to_affine(), revokedA, nextG2);
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    P1_Affine h() {
        return h;
    }

    P1_Affine u() {
        return u;
    }

    P1_Affine v() {
        return v;
    }

    P2_Affine w() {
        return w;
    }

    P1_Affine g1() {
        return g1;
    }

    P2_Affine g2() {
        return g2;
    }

    /** Whether g1 and g2 are the standard generators (no member was ever revoked): version 1. */
    boolean hasStandardGenerators() {
        return encoded[0] == VERSION_STANDARD_GENERATORS;
    }

    /** The encoding without a copy, for hashing inside the package. */
    byte[] encodedView() {
        return encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupPublicKey && Arrays.equals(encoded, ((GroupPublicKey) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "GroupPublicKey[" + HexFormat.of().formatHex(encoded, 0, 9) + "…]";
    }

    private static boolean isStandard(P1_Affine g1, P2_Affine g2) {
        return g1.is_equal(Bls12381.G1) && g2.is_equal(Bls12381.G2);
    }

    private static byte[] encode(P1_Affine h, P1_Affine u, P1_Affine v, P2_Affine w, P1_Affine g1, P2_Affine g2) {
        boolean standard = isStandard(g1, g2);
        byte[] out = new byte[standard ? ENCODED_BYTES_V1 : ENCODED_BYTES_V2];
        out[0] = standard ? VERSION_STANDARD_GENERATORS : VERSION_OWN_GENERATORS;
        byte[][] parts = standard ? new byte[][] {h.compress(), u.compress(), v.compress(), w.compress()}
                : new byte[][] {h.compress(), u.compress(), v.compress(), w.compress(), g1.compress(), g2.compress()};
        int at = 1;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
