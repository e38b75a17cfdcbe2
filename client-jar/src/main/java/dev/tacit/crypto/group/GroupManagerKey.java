package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.SecretKeyAccess;
import dev.tacit.crypto.VerificationFailedException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;

/**
 * The group manager's secret, held by the account owner: it issues member keys and opens signatures.
 *
 * <p>Everything derives from a 32-byte secret seed (docs/protocol.md §2.2): the issuing secret γ, the
 * opening secrets ξ1, ξ2, the generator h and each member's x_i = hash_to_scalar(seed || I2OSP(i, 4)). So
 * the key stays 37 bytes however many members exist, more members can be minted later
 * ({@link #withMemberCount}), and opening needs no stored table: it recomputes A_i for the minted indexes
 * once (one inversion and one G1 multiplication each, ~0.1 ms) and looks the opened A up.
 *
 * <p>Encoding: {@code 0x01 || seed (32) || I2OSP(memberCount, 4)}. It is a secret; {@link #toString()}
 * does not show it.
 */
public final class GroupManagerKey {

    static final byte VERSION = 0x01;
    static final int SEED_BYTES = 32;
    /** Length of {@link #toBytes(SecretKeyAccess)}. */
    public static final int ENCODED_BYTES = 1 + SEED_BYTES + Integer.BYTES;
    /** Opening recomputes every member's A once (~0.1 ms each), so the count is bounded: ~2 min at most. */
    public static final int MAX_MEMBERS = 1 << 20;

    static final String ISSUING_SECRET_DST = "TACIT-V1-BBS-ISSUING-SECRET";
    static final String OPENING_SECRET_1_DST = "TACIT-V1-BBS-OPENING-SECRET-1";
    static final String OPENING_SECRET_2_DST = "TACIT-V1-BBS-OPENING-SECRET-2";
    static final String MEMBER_SECRET_DST = "TACIT-V1-BBS-MEMBER-SECRET";
    static final String H_DST = "TACIT-V1-BBS-H_BLS12381G1_XMD:SHA-256_SSWU_RO_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final int memberCount;
    private final BigInteger gamma;
    private final BigInteger xi1;
    private final BigInteger xi2;
    private final GroupPublicKey groupPublicKey;

    // Built on first open(); guarded by this.
    private GroupSignatureVerifier verifier;
    private Map<ByteBuffer, Integer> memberIndexByA;

    private GroupManagerKey(byte[] seed, int memberCount) throws MalformedEncodingException {
        this.seed = seed;
        this.memberCount = memberCount;
        this.gamma = ExpandMessageXmd.hashToScalar(seed, ISSUING_SECRET_DST);
        this.xi1 = ExpandMessageXmd.hashToScalar(seed, OPENING_SECRET_1_DST);
        this.xi2 = ExpandMessageXmd.hashToScalar(seed, OPENING_SECRET_2_DST);
        if (gamma.signum() == 0 || xi1.signum() == 0 || xi2.signum() == 0) {
            // Probability 2^-253 per seed.
            throw new MalformedEncodingException("seed derives a zero secret");
        }
        P1 h = new P1().hash_to(seed, H_DST);
        P1 u = h.dup().mult(xi1.modInverse(Bls12381.R));
        P1 v = h.dup().mult(xi2.modInverse(Bls12381.R));
        P2 w = Bls12381.G2.to_jacobian().mult(gamma);
        this.groupPublicKey = new GroupPublicKey(h, u, v, w);
    }

    /** A new group with members 0 .. memberCount-1. */
    public static GroupManagerKey generate(int memberCount) {
        checkMemberCount(memberCount);
        while (true) {
            byte[] seed = new byte[SEED_BYTES];
            RANDOM.nextBytes(seed);
            try {
                return new GroupManagerKey(seed, memberCount);
            } catch (MalformedEncodingException degenerateSeed) {
                // Astronomically unlikely; draw another seed.
            }
        }
    }

    /** Decodes a persisted manager key. */
    public static GroupManagerKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != ENCODED_BYTES) {
            throw new MalformedEncodingException("group manager key must be " + ENCODED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != VERSION) {
            throw new MalformedEncodingException("unknown group manager key version " + (encoded[0] & 0xff));
        }
        int memberCount = ByteBuffer.wrap(encoded, 1 + SEED_BYTES, Integer.BYTES).getInt();
        if (memberCount < 1 || memberCount > MAX_MEMBERS) {
            throw new MalformedEncodingException("member count must be in 1.." + MAX_MEMBERS);
        }
        return new GroupManagerKey(Arrays.copyOfRange(encoded, 1, 1 + SEED_BYTES), memberCount);
    }

    /** The manager key's encoding, its secret seed included: to be stored protected only. */
    public byte[] toBytes(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        return ByteBuffer.allocate(ENCODED_BYTES).put(VERSION).put(seed).putInt(memberCount).array();
    }

    public GroupPublicKey groupPublicKey() {
        return groupPublicKey;
    }

    /** How many members exist: indexes 0 .. memberCount-1 can be minted and are recognised by {@link #open}. */
    public int memberCount() {
        return memberCount;
    }

    /** The same group with more members; the existing members and the group public key are unchanged. */
    public GroupManagerKey withMemberCount(int newMemberCount) {
        checkMemberCount(newMemberCount);
        if (newMemberCount < memberCount) {
            throw new IllegalArgumentException("a group cannot shrink; members already handed out stay valid");
        }
        try {
            return new GroupManagerKey(seed.clone(), newMemberCount);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("this seed was already accepted", e);
        }
    }

    /** The member key of member {@code index}, 0 ≤ index &lt; memberCount; the same every time. */
    public MemberCredential mintMember(int index) {
        if (index < 0 || index >= memberCount) {
            throw new IllegalArgumentException("member index must be in 0.." + (memberCount - 1));
        }
        BigInteger x = memberSecret(index);
        return new MemberCredential(groupPublicKey, memberA(x), x);
    }

    /**
     * Which member made a signature: A = T3 / (T1^ξ1 · T2^ξ2), looked up among the minted members.
     *
     * @throws VerificationFailedException if the signature does not verify for this group and message
     * @throws UnknownGroupMemberException if it verifies but its A is not one of the minted members
     */
    public int open(GroupSignature signature, GroupSignedMessage message)
            throws VerificationFailedException, UnknownGroupMemberException {
        verifier().verify(signature, message);
        P1 t1Xi1 = Bls12381.multiply(signature.t1(), xi1);
        P1 t2Xi2 = Bls12381.multiply(signature.t2(), xi2);
        P1 a = signature.t3().to_jacobian().add(t1Xi1.add(t2Xi2).neg());
        Integer index = memberIndexByA().get(ByteBuffer.wrap(a.compress()));
        if (index == null) {
            throw new UnknownGroupMemberException("the signer is not one of the " + memberCount + " minted members");
        }
        return index;
    }

    private synchronized GroupSignatureVerifier verifier() {
        if (verifier == null) {
            verifier = GroupSignatureVerifier.withTables(groupPublicKey);
        }
        return verifier;
    }

    private synchronized Map<ByteBuffer, Integer> memberIndexByA() {
        if (memberIndexByA == null) {
            Map<ByteBuffer, Integer> map = new HashMap<>();
            for (int i = 0; i < memberCount; i++) {
                map.put(ByteBuffer.wrap(memberA(memberSecret(i)).compress()), i);
            }
            memberIndexByA = map;
        }
        return memberIndexByA;
    }

    private BigInteger memberSecret(int index) {
        byte[] input = ByteBuffer.allocate(SEED_BYTES + Integer.BYTES).put(seed).putInt(index).array();
        BigInteger x = ExpandMessageXmd.hashToScalar(input, MEMBER_SECRET_DST);
        if (x.signum() == 0 || x.add(gamma).mod(Bls12381.R).signum() == 0) {
            // Probability 2^-254 per index; such a member cannot exist.
            throw new IllegalStateException("member " + index + " derives a degenerate key");
        }
        return x;
    }

    /** A = g1^(1/(γ + x)). */
    private P1_Affine memberA(BigInteger x) {
        return Bls12381.multiply(Bls12381.G1, gamma.add(x).modInverse(Bls12381.R)).to_affine();
    }

    private static void checkMemberCount(int memberCount) {
        if (memberCount < 1 || memberCount > MAX_MEMBERS) {
            throw new IllegalArgumentException("member count must be in 1.." + MAX_MEMBERS);
        }
    }

    @Override
    public String toString() {
        return "GroupManagerKey[group=" + groupPublicKey + ", members=" + memberCount + ", secrets redacted]";
    }
}
