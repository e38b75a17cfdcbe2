package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * The public message by which a group manager revokes one member (docs/protocol.md §2.2.9): the revoked member
 * key's A* and x*, and the next key's g2' = g2^(1/(γ + x*)), which only the manager can compute. Anyone holding
 * the previous group key checks it and derives the next key ({@link GroupPublicKey#apply}); each remaining member
 * derives its next credential ({@link MemberCredential#update}); the revoked member cannot.
 *
 * <p>Encoding, 177 bytes: {@code 0x01 || A* (48) || I2OSP(x*, 32) || g2' (96)}. Decoding checks each field on its
 * own; whether the update fits a key is for {@link GroupPublicKey#apply} to check.
 */
public final class GroupKeyUpdate {

    static final byte VERSION = 0x01;
    /** Length of {@link #toBytes()}. */
    public static final int ENCODED_BYTES = 1 + Bls12381.G1_BYTES + Bls12381.SCALAR_BYTES + Bls12381.G2_BYTES;

    private final P1_Affine revokedA;
    private final BigInteger revokedX;
    private final P2_Affine nextG2;
    private final byte[] encoded;

    GroupKeyUpdate(P1_Affine revokedA, BigInteger revokedX, P2_Affine nextG2) {
        this.revokedA = revokedA;
        this.revokedX = revokedX;
        this.nextG2 = nextG2;
        this.encoded = new byte[ENCODED_BYTES];
        encoded[0] = VERSION;
        System.arraycopy(revokedA.compress(), 0, encoded, 1, Bls12381.G1_BYTES);
        System.arraycopy(Bls12381.encodeScalar(revokedX), 0, encoded, 1 + Bls12381.G1_BYTES, Bls12381.SCALAR_BYTES);
        System.arraycopy(nextG2.compress(), 0, encoded, 1 + Bls12381.G1_BYTES + Bls12381.SCALAR_BYTES,
                Bls12381.G2_BYTES);
    }

    /**
     * Decodes an update: A* by {@code G1_DECODE}, 0 &lt; x* &lt; r, g2' by {@code G2_DECODE}.
     *
     * @throws MalformedEncodingException if the bytes are not an update
     */
    public static GroupKeyUpdate fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != ENCODED_BYTES) {
            throw new MalformedEncodingException("group key update must be " + ENCODED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != VERSION) {
            throw new MalformedEncodingException("unknown group key update version " + (encoded[0] & 0xff));
        }
        int at = 1;
        P1_Affine revokedA = Bls12381.decodeG1(Arrays.copyOfRange(encoded, at, at + Bls12381.G1_BYTES), "A*");
        at += Bls12381.G1_BYTES;
        BigInteger revokedX = Bls12381.decodeScalar(Arrays.copyOfRange(encoded, at, at + Bls12381.SCALAR_BYTES),
                Bls12381.R, false, "x*");
        at += Bls12381.SCALAR_BYTES;
        P2_Affine nextG2 = Bls12381.decodeG2(Arrays.copyOfRange(encoded, at, ENCODED_BYTES), "g2'");
        return new GroupKeyUpdate(revokedA, revokedX, nextG2);
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    P1_Affine revokedA() {
        return revokedA;
    }

    BigInteger revokedX() {
        return revokedX;
    }

    P2_Affine nextG2() {
        return nextG2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupKeyUpdate && Arrays.equals(encoded, ((GroupKeyUpdate) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** The revoked key is public once the update is published, but a log line needs no more than its start. */
    @Override
    public String toString() {
        return "GroupKeyUpdate[" + HexFormat.of().formatHex(encoded, 1, 9) + "…]";
    }
}
