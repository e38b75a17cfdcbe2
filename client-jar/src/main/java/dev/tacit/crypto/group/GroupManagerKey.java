package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.SecretKeyAccess;
import dev.tacit.crypto.VerificationFailedException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * The group manager's secret, held by the account owner: it issues member keys, opens signatures and revokes
 * members.
 *
 * <p>Everything derives from a 32-byte secret seed (docs/protocol.md §2.2): the issuing secret γ, the
 * opening secrets ξ1, ξ2, the generator h and each member's x_i = hash_to_scalar(seed || I2OSP(i, 4)). So
 * the key stays small however many members exist, more members can be minted later
 * ({@link #withMemberCount}), and opening needs no stored table: it recomputes A_i for the minted indexes
 * once (one inversion and one G1 multiplication each, ~0.1 ms) and looks the opened A up.
 *
 * <p>Revoking member i ({@link #revoke}, docs/protocol.md §2.2.9) moves the group to its next key, whose
 * generators are g1' = g1^(1/(γ + x_i)) and g2' = g2^(1/(γ + x_i)): after revoking i_1 … i_k, g1 and g2 are the
 * standard generators raised to P = Π 1/(γ + x_ij), so the list of revoked indexes is all the key needs to
 * remember. Member keys, opening and the group public key are always those of the current key.
 *
 * <p>Encoding: {@code 0x01 || seed (32) || I2OSP(memberCount, 4)} while no member is revoked, else
 * {@code 0x02 || seed (32) || I2OSP(memberCount, 4) || I2OSP(k, 4) || I2OSP(i_1, 4) || … || I2OSP(i_k, 4)}, the
 * revoked indexes in the order of revocation. It is a secret; {@link #toString()} does not show it.
 */
public final class GroupManagerKey {

    static final byte VERSION = 0x01;
    static final byte VERSION_WITH_REVOCATIONS = 0x02;
    static final int SEED_BYTES = 32;
    /** Length of {@link #toBytes(SecretKeyAccess)} while no member is revoked (version 1). */
    public static final int ENCODED_BYTES_V1 = 1 + SEED_BYTES + Integer.BYTES;
    /** Opening recomputes every member's A once (~0.1 ms each), so the count is bounded: ~2 min at most. */
    public static final int MAX_MEMBERS = 1 << 20;
    /**
     * The most members one group can revoke: the chain of updates a late contact fetches and checks grows by one
     * update (177 bytes, two pairing checks) per revocation, and the key's encoding by four bytes.
     */
    public static final int MAX_REVOKED_MEMBERS = 10_000;
    /** The longest encoding {@link #toBytes(SecretKeyAccess)} can return: version 2 with every revocation. */
    public static final int MAX_ENCODED_BYTES = ENCODED_BYTES_V1 + Integer.BYTES + Integer.BYTES * MAX_REVOKED_MEMBERS;

    static final String ISSUING_SECRET_DST = "TACIT-V1-BBS-ISSUING-SECRET";
    static final String OPENING_SECRET_1_DST = "TACIT-V1-BBS-OPENING-SECRET-1";
    static final String OPENING_SECRET_2_DST = "TACIT-V1-BBS-OPENING-SECRET-2";
    static final String MEMBER_SECRET_DST = "TACIT-V1-BBS-MEMBER-SECRET";
    static final String H_DST = "TACIT-V1-BBS-H_BLS12381G1_XMD:SHA-256_SSWU_RO_";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #revoke} returns: the manager key at the next key, and the update that leads there. */
    public record Revocation(GroupManagerKey next, GroupKeyUpdate update) {
    }

    private final byte[] seed;
    private final int memberCount;
    private final int[] revoked;
    private final BigInteger gamma;
    private final BigInteger xi1;
    private final BigInteger xi2;
    private final P1 h;
    private final GroupPublicKey groupPublicKey;

    // Built on first open(); guarded by this.
    private GroupSignatureVerifier verifier;
    private Map<ByteBuffer, Integer> memberIndexByA;

    private GroupManagerKey(byte[] seed, int memberCount, int[] revoked) throws MalformedEncodingException {
        this.seed = seed;
        this.memberCount = memberCount;
        this.revoked = revoked;
        this.gamma = ExpandMessageXmd.hashToScalar(seed, ISSUING_SECRET_DST);
        this.xi1 = ExpandMessageXmd.hashToScalar(seed, OPENING_SECRET_1_DST);
        this.xi2 = ExpandMessageXmd.hashToScalar(seed, OPENING_SECRET_2_DST);
        if (gamma.signum() == 0 || xi1.signum() == 0 || xi2.signum() == 0) {
            // Probability 2^-253 per seed.
            throw new MalformedEncodingException("seed derives a zero secret");
        }
        this.h = new P1().hash_to(seed, H_DST);
        this.groupPublicKey = currentPublicKey();
    }

    /** The group public key after every revocation: g1 and g2 raised to Π 1/(γ + x*), w = g2^γ. */
    private GroupPublicKey currentPublicKey() {
        BigInteger r = Bls12381.R;
        BigInteger exponent = generatorExponent(revoked.length);
        P1 u = h.dup().mult(xi1.modInverse(r));
        P1 v = h.dup().mult(xi2.modInverse(r));
        P2_Affine g2 = Bls12381.multiply(Bls12381.G2, exponent).to_affine();
        P2_Affine w = Bls12381.multiply(g2, gamma).to_affine();
        P1_Affine g1 = Bls12381.multiply(Bls12381.G1, exponent).to_affine();
        return new GroupPublicKey(h.to_affine(), u.to_affine(), v.to_affine(), w, g1, g2);
    }

    /** Π 1/(γ + x*) mod r over the first {@code revocations} revoked members: 1 for none. */
    private BigInteger generatorExponent(int revocations) {
        BigInteger product = BigInteger.ONE;
        for (int j = 0; j < revocations; j++) {
            product = product.multiply(gamma.add(memberSecret(revoked[j]))).mod(Bls12381.R);
        }
        return product.modInverse(Bls12381.R);
    }

    /** A new group with members 0 .. memberCount-1. */
    public static GroupManagerKey generate(int memberCount) {
        checkMemberCount(memberCount);
        while (true) {
            byte[] seed = new byte[SEED_BYTES];
            RANDOM.nextBytes(seed);
            try {
                return new GroupManagerKey(seed, memberCount, new int[0]);
            } catch (MalformedEncodingException degenerateSeed) {
                // Astronomically unlikely; draw another seed.
            }
        }
    }

    /** Decodes a persisted manager key, of version 1 or 2. */
    public static GroupManagerKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length < ENCODED_BYTES_V1) {
            throw new MalformedEncodingException("group manager key must be at least " + ENCODED_BYTES_V1
                    + " bytes, got " + encoded.length);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        byte version = in.get();
        byte[] seed = new byte[SEED_BYTES];
        in.get(seed);
        int memberCount = in.getInt();
        if (memberCount < 1 || memberCount > MAX_MEMBERS) {
            throw new MalformedEncodingException("member count must be in 1.." + MAX_MEMBERS);
        }
        if (version == VERSION) {
            if (in.hasRemaining()) {
                throw new MalformedEncodingException("group manager key of version 1 must be " + ENCODED_BYTES_V1
                        + " bytes, got " + encoded.length);
            }
            return new GroupManagerKey(seed, memberCount, new int[0]);
        }
        if (version != VERSION_WITH_REVOCATIONS) {
            throw new MalformedEncodingException("unknown group manager key version " + (version & 0xff));
        }
        if (in.remaining() < Integer.BYTES) {
            throw new MalformedEncodingException("group manager key of version 2 lacks its revocation count");
        }
        int count = in.getInt();
        if (count < 1 || count > Math.min(memberCount, MAX_REVOKED_MEMBERS)) {
            // k = 0 has the version-1 encoding: one encoding per key.
            throw new MalformedEncodingException("revocation count must be in 1.." + Math.min(memberCount, MAX_REVOKED_MEMBERS));
        }
        if (in.remaining() != Integer.BYTES * count) {
            throw new MalformedEncodingException("group manager key of version 2 with " + count + " revocations must be "
                    + (ENCODED_BYTES_V1 + Integer.BYTES * (1 + count)) + " bytes, got " + encoded.length);
        }
        int[] revoked = new int[count];
        Set<Integer> seen = new HashSet<>();
        for (int j = 0; j < count; j++) {
            revoked[j] = in.getInt();
            if (revoked[j] < 0 || revoked[j] >= memberCount) {
                throw new MalformedEncodingException("revoked member index out of 0.." + (memberCount - 1));
            }
            if (!seen.add(revoked[j])) {
                throw new MalformedEncodingException("a member is revoked twice");
            }
        }
        return new GroupManagerKey(seed, memberCount, revoked);
    }

    /** The manager key's encoding, its secret seed included: to be stored protected only. */
    public byte[] toBytes(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        if (revoked.length == 0) {
            return ByteBuffer.allocate(ENCODED_BYTES_V1).put(VERSION).put(seed).putInt(memberCount).array();
        }
        ByteBuffer out = ByteBuffer.allocate(ENCODED_BYTES_V1 + Integer.BYTES * (1 + revoked.length))
                .put(VERSION_WITH_REVOCATIONS).put(seed).putInt(memberCount).putInt(revoked.length);
        for (int index : revoked) {
            out.putInt(index);
        }
        return out.array();
    }

    /** The group public key of the current key: after every revocation so far. */
    public GroupPublicKey groupPublicKey() {
        return groupPublicKey;
    }

    /** How many members exist: indexes 0 .. memberCount-1 can be minted and are recognised by {@link #open}. */
    public int memberCount() {
        return memberCount;
    }

    /** The same group with more members; the existing members, the revocations and the group key are unchanged. */
    public GroupManagerKey withMemberCount(int newMemberCount) {
        checkMemberCount(newMemberCount);
        if (newMemberCount < memberCount) {
            throw new IllegalArgumentException("a group cannot shrink; members already handed out stay valid");
        }
        return derived(newMemberCount, revoked);
    }

    /**
     * Revokes member {@code memberIndex}: the next manager key, and the group key update to publish. Every other
     * member can move its credential to the next key with the update; this one cannot. The caller stores
     * {@code next} before it publishes {@code update}, so a crash never leaves a published key it cannot manage.
     *
     * @throws IllegalArgumentException if the index is not below {@link #memberCount()}, is already revoked, or
     *                                  {@link #MAX_REVOKED_MEMBERS} are revoked already
     */
    public Revocation revoke(int memberIndex) {
        checkIndex(memberIndex);
        if (isRevoked(memberIndex)) {
            throw new IllegalArgumentException("member " + memberIndex + " is already revoked");
        }
        if (revoked.length >= MAX_REVOKED_MEMBERS) {
            throw new IllegalArgumentException("a group revokes at most " + MAX_REVOKED_MEMBERS + " members");
        }
        int[] nextRevoked = Arrays.copyOf(revoked, revoked.length + 1);
        nextRevoked[revoked.length] = memberIndex;
        GroupManagerKey next = derived(memberCount, nextRevoked);
        GroupPublicKey nextKey = next.groupPublicKey;
        return new Revocation(next, new GroupKeyUpdate(nextKey.g1(), memberSecret(memberIndex), nextKey.g2()));
    }

    /** The number of revocations so far: the position of the current key in the group's chain (0 for the first). */
    public int epoch() {
        return revoked.length;
    }

    /**
     * The updates that lead from the key at {@code epoch} to the current one, in order: what a device that
     * published fewer of them than this key has must still publish.
     *
     * @throws IllegalArgumentException unless 0 ≤ epoch ≤ {@link #epoch()}
     */
    public List<GroupKeyUpdate> updatesSince(int epoch) {
        if (epoch < 0 || epoch > revoked.length) {
            throw new IllegalArgumentException("epoch must be in 0.." + revoked.length);
        }
        List<GroupKeyUpdate> updates = new ArrayList<>(revoked.length - epoch);
        BigInteger exponent = generatorExponent(epoch);
        for (int j = epoch; j < revoked.length; j++) {
            BigInteger x = memberSecret(revoked[j]);
            exponent = exponent.multiply(gamma.add(x).modInverse(Bls12381.R)).mod(Bls12381.R);
            // A* = the revoked member's A under the previous key = the next key's g1.
            updates.add(new GroupKeyUpdate(Bls12381.multiply(Bls12381.G1, exponent).to_affine(), x,
                    Bls12381.multiply(Bls12381.G2, exponent).to_affine()));
        }
        return List.copyOf(updates);
    }

    /** Whether member {@code memberIndex} has been revoked. */
    public boolean isRevoked(int memberIndex) {
        for (int index : revoked) {
            if (index == memberIndex) {
                return true;
            }
        }
        return false;
    }

    /** The revoked member indexes, in the order they were revoked. */
    public List<Integer> revokedMembers() {
        return Arrays.stream(revoked).boxed().toList();
    }

    private GroupManagerKey derived(int newMemberCount, int[] newRevoked) {
        try {
            return new GroupManagerKey(seed.clone(), newMemberCount, newRevoked);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("this seed was already accepted", e);
        }
    }

    /**
     * The member key of member {@code index} under the current group key, 0 ≤ index &lt; memberCount; the same
     * every time for the same key.
     *
     * @throws IllegalArgumentException if the index is out of range or revoked
     */
    public MemberCredential mintMember(int index) {
        checkIndex(index);
        if (isRevoked(index)) {
            throw new IllegalArgumentException("member " + index + " is revoked");
        }
        BigInteger x = memberSecret(index);
        return new MemberCredential(groupPublicKey, memberA(x), x);
    }

    /**
     * Which member made a signature under the current group key: A = T3 / (T1^ξ1 · T2^ξ2), looked up among the
     * members not revoked.
     *
     * @throws VerificationFailedException if the signature does not verify for the current key and this message
     * @throws UnknownGroupMemberException if it verifies but its A is not one of the members (not revoked, index
     *                                     below the member count)
     */
    public int open(GroupSignature signature, GroupSignedMessage message)
            throws VerificationFailedException, UnknownGroupMemberException {
        verifier().verify(signature, message);
        P1 t1Xi1 = Bls12381.multiply(signature.t1(), xi1);
        P1 t2Xi2 = Bls12381.multiply(signature.t2(), xi2);
        P1 a = signature.t3().to_jacobian().add(t1Xi1.add(t2Xi2).neg());
        Integer index = memberIndexByA().get(ByteBuffer.wrap(a.compress()));
        if (index == null) {
            throw new UnknownGroupMemberException("the signer is not one of the members");
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
                if (isRevoked(i)) {
                    continue;
                }
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

    /** A = g1^(1/(γ + x)), with the current key's g1. */
    private P1_Affine memberA(BigInteger x) {
        return Bls12381.multiply(groupPublicKey.g1(), gamma.add(x).modInverse(Bls12381.R)).to_affine();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= memberCount) {
            throw new IllegalArgumentException("member index must be in 0.." + (memberCount - 1));
        }
    }

    private static void checkMemberCount(int memberCount) {
        if (memberCount < 1 || memberCount > MAX_MEMBERS) {
            throw new IllegalArgumentException("member count must be in 1.." + MAX_MEMBERS);
        }
    }

    @Override
    public String toString() {
        return "GroupManagerKey[group=" + groupPublicKey + ", members=" + memberCount + ", revoked=" + revoked.length
                + ", secrets redacted]";
    }
}
