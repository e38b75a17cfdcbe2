package dev.tacit.crypto.group;

import java.util.Arrays;
import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BBS group public key (h, u, v, w); g1 and g2 are the standard BLS12-381 generators and are not encoded.
 *
 * <p>Encoding (docs/protocol.md §2.2): {@code 0x01 || h || u || v || w}, compressed points, 241 bytes. The
 * server stores it per account and builds a {@link GroupSignatureVerifier} from it.
 */
public final class GroupPublicKey {

    static final byte VERSION = 0x01;
    /** Length of {@link #toBytes()}. */
    public static final int ENCODED_BYTES = 1 + 3 * Bls12381.G1_BYTES + Bls12381.G2_BYTES;

    // blst points are mutable: code of this package reads them but never changes them (dup() first).
    private final P1_Affine h;
    private final P1_Affine u;
    private final P1_Affine v;
    private final P2_Affine w;
    private final byte[] encoded;

    GroupPublicKey(P1 h, P1 u, P1 v, P2 w) {
        this.h = h.to_affine();
        this.u = u.to_affine();
        this.v = v.to_affine();
        this.w = w.to_affine();
        this.encoded = concat(this.h.compress(), this.u.compress(), this.v.compress(), this.w.compress());
    }

    private GroupPublicKey(P1_Affine h, P1_Affine u, P1_Affine v, P2_Affine w, byte[] encoded) {
        this.h = h;
        this.u = u;
        this.v = v;
        this.w = w;
        this.encoded = encoded;
    }

    /**
     * Decodes and fully checks a group public key: every point on its curve, in the prime-order subgroup
     * and not the identity.
     */
    public static GroupPublicKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != ENCODED_BYTES) {
            throw new MalformedEncodingException("group public key must be " + ENCODED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != VERSION) {
            throw new MalformedEncodingException("unknown group public key version " + (encoded[0] & 0xff));
        }
        int g1 = Bls12381.G1_BYTES;
        P1_Affine h = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1, 1 + g1), "h");
        P1_Affine u = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1 + g1, 1 + 2 * g1), "u");
        P1_Affine v = Bls12381.decodeG1(Arrays.copyOfRange(encoded, 1 + 2 * g1, 1 + 3 * g1), "v");
        P2_Affine w = Bls12381.decodeG2(Arrays.copyOfRange(encoded, 1 + 3 * g1, ENCODED_BYTES), "w");
        return new GroupPublicKey(h, u, v, w, encoded.clone());
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

    private static byte[] concat(byte[] h, byte[] u, byte[] v, byte[] w) {
        byte[] out = new byte[ENCODED_BYTES];
        out[0] = VERSION;
        int at = 1;
        for (byte[] part : new byte[][] {h, u, v, w}) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
