package dev.tacit.benchmarks;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import supranational.blst.P1;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * What revoking members (blocking contacts, protocol §2.2.9) costs, next to one pairing in the same run:
 * <ul>
 * <li>a reply's verification, cold and warm, for a group with 0, 10 and 1,000 revoked members (1,100 members, so
 * that 1,000 can be revoked); it uses the current key only, so the count should not matter;
 * <li>the table build of such a group (a group with revocations has its own g1, so four tables, not three);
 * <li>a member catching up over 1, 10 and 1,000 updates (each: both checks, one inversion, one G1 multiplication);
 * <li>the server's check of one uploaded update (decode with subgroup checks, then both checks);
 * <li>the manager's revocation of one more member (the next manager key and the update).
 * </ul>
 * A verifier-local-revocation verifier (Boneh–Shacham 2004) would instead pay about one pairing per revoked
 * member on every reply: {@code pairing} × the count is that bound.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupRevocationBenchmark {

    static final int MEMBERS = 1100;
    static final int SIGNER = MEMBERS - 1;

    /** A group with {@code blocked} members revoked and a reply by a remaining member. */
    @State(Scope.Benchmark)
    public static class BlockedGroup {

        @Param({"0", "10", "1000"})
        public int blocked;

        GroupManagerKey manager;
        GroupPublicKey key;
        GroupSignatureVerifier withTables;
        GroupSignedMessage message;
        byte[] signatureBytes;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            manager = managerWithRevoked(blocked);
            key = manager.groupPublicKey();
            withTables = GroupSignatureVerifier.withTables(key);
            message = GroupSignedMessage.of(number("+4915100000002"), envelope(new SecureRandom()), Instant.now());
            signatureBytes = manager.mintMember(SIGNER).sign(message).toBytes();
            // The reply verifies, or the figures would time a rejection.
            GroupSignatureVerifier.withoutTables(key).verify(GroupSignature.fromBytes(signatureBytes), message);
        }
    }

    /** A member holding the first key of a group whose chain has {@code updates} updates. */
    @State(Scope.Benchmark)
    public static class Chain {

        @Param({"1", "10", "1000"})
        public int updates;

        MemberCredential member;
        List<GroupKeyUpdate> chain;
        GroupPublicKey last;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            GroupManagerKey first = GroupManagerKey.generate(MEMBERS);
            GroupManagerKey current = managerWithRevoked(first, updates);
            member = first.mintMember(SIGNER);
            chain = current.updatesSince(0);
            last = current.groupPublicKey();
            if (!caughtUp(member, chain).groupPublicKey().equals(last)) {
                throw new IllegalStateException("the chain does not lead to the manager's key");
            }
        }
    }

    /** One update as the server receives it, the key it applies to, and the primitives to compare with. */
    @State(Scope.Benchmark)
    public static class OneUpdate {

        GroupManagerKey manager;
        GroupPublicKey key;
        byte[] updateBytes;
        P1 g1Point;
        P2_Affine g2Point;

        @Setup(Level.Trial)
        public void setUp() {
            manager = managerWithRevoked(10);
            key = manager.groupPublicKey();
            updateBytes = manager.revoke(500).update().toBytes();
            g1Point = P1.generator().mult(java.math.BigInteger.valueOf(123456789));
            g2Point = P2_Affine.generator();
        }
    }

    @Benchmark
    public boolean pairing(OneUpdate state) {
        return new PT(state.g1Point.to_affine(), state.g2Point).final_exp().is_one();
    }

    /** A reply to a group the server has no tables for: decode with all checks, verify without tables. */
    @Benchmark
    public GroupSignature verifyCold(BlockedGroup group) throws CryptoException {
        GroupSignature decoded = GroupSignature.fromBytes(group.signatureBytes);
        GroupSignatureVerifier.withoutTables(group.key).verify(decoded, group.message);
        return decoded;
    }

    /** A reply to a group whose tables the server holds. */
    @Benchmark
    public GroupSignature verifyWarm(BlockedGroup group) throws CryptoException {
        GroupSignature decoded = GroupSignature.fromBytes(group.signatureBytes);
        group.withTables.verify(decoded, group.message);
        return decoded;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GroupSignatureVerifier tableBuild(BlockedGroup group) {
        return GroupSignatureVerifier.withTables(group.key);
    }

    /** A contact that missed {@code updates} updates brings its credential to the current key. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public MemberCredential catchUp(Chain state) throws CryptoException {
        return caughtUp(state.member, state.chain);
    }

    /** The server's check of one uploaded update: decode (subgroup checks) and both pairing checks. */
    @Benchmark
    public GroupPublicKey serverChecksOneUpdate(OneUpdate state) throws CryptoException {
        return state.key.apply(GroupKeyUpdate.fromBytes(state.updateBytes));
    }

    /** The manager (the account's client) revokes one more member of a group with 10 revoked. */
    @Benchmark
    public GroupManagerKey.Revocation managerRevokes(OneUpdate state) {
        return state.manager.revoke(600);
    }

    static MemberCredential caughtUp(MemberCredential member, List<GroupKeyUpdate> chain) throws CryptoException {
        MemberCredential current = member;
        for (GroupKeyUpdate update : chain) {
            current = current.update(update);
        }
        return current;
    }

    static GroupManagerKey managerWithRevoked(int count) {
        return managerWithRevoked(GroupManagerKey.generate(MEMBERS), count);
    }

    /** The group of {@code base} with members 0 … count-1 revoked, decoded from its version-2 encoding at once. */
    static GroupManagerKey managerWithRevoked(GroupManagerKey base, int count) {
        if (count == 0) {
            return base;
        }
        byte[] v1 = base.toBytes(InsecureSecretKeyAccess.get());
        ByteBuffer v2 = ByteBuffer.allocate(v1.length + 4 + 4 * count).put((byte) 2).put(v1, 1, v1.length - 1)
                .putInt(count);
        for (int i = 0; i < count; i++) {
            v2.putInt(i);
        }
        try {
            return GroupManagerKey.fromBytes(v2.array());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PhoneNumber number(String e164) {
        try {
            return PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SealedEnvelope envelope(SecureRandom random) {
        byte[] bytes = new byte[1 + 32 + 512 + 16];
        random.nextBytes(bytes);
        bytes[0] = SealedEnvelope.VERSION;
        try {
            return SealedEnvelope.fromBytes(bytes);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
