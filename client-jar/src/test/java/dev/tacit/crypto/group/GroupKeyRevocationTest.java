package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.VerificationFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revoking a member by group key update (docs/protocol.md §2.2.9): the revoked member is left without a credential
 * for the next key, everyone else moves on with public data only, and no one but the manager can make an update.
 * The remaining members' new credentials are computed without γ (from A, A* and the x's) and compared with the
 * manager's, computed from γ: two different formulas that must agree.
 */
class GroupKeyRevocationTest {

    private static final GroupSignedMessage MESSAGE = TestReplies.message("+4915100000001", 3, 1_790_000_000L);
    private static final int MEMBERS = 6;

    private static GroupManagerKey manager;
    private static GroupManagerKey otherManager;

    @BeforeAll
    static void createGroups() {
        manager = GroupManagerKey.generate(MEMBERS);
        otherManager = GroupManagerKey.generate(MEMBERS);
    }

    private static void assertVerifies(GroupPublicKey key, GroupSignature signature) {
        assertDoesNotThrow(() -> GroupSignatureVerifier.withoutTables(key).verify(signature, MESSAGE));
        assertDoesNotThrow(() -> GroupSignatureVerifier.withTables(key).verify(signature, MESSAGE));
    }

    private static void assertRefused(GroupPublicKey key, GroupSignature signature) {
        assertThrows(VerificationFailedException.class,
                () -> GroupSignatureVerifier.withoutTables(key).verify(signature, MESSAGE));
        assertThrows(VerificationFailedException.class,
                () -> GroupSignatureVerifier.withTables(key).verify(signature, MESSAGE));
    }

    @Test
    void theRevokedMemberCannotUpdateAndItsSignaturesFailUnderTheNewKey() throws Exception {
        MemberCredential revoked = manager.mintMember(2);
        GroupManagerKey.Revocation revocation = manager.revoke(2);
        GroupPublicKey next = revocation.next().groupPublicKey();

        assertThrows(MemberRevokedException.class, () -> revoked.update(revocation.update()));
        GroupSignature oldSignature = revoked.sign(MESSAGE);
        assertVerifies(manager.groupPublicKey(), oldSignature);
        assertRefused(next, oldSignature);
        // Its old A under the new key's generators is no member key either.
        MemberCredential stale = new MemberCredential(next, revoked.a(), revoked.x());
        assertThrows(InvalidMemberCredentialException.class, () -> MemberCredential.fromBytes(stale.toBytes()));
        assertRefused(next, stale.sign(MESSAGE));
    }

    @Test
    void remainingMembersUpdateToTheManagersCredentialsAndSignForTheNewKeyOnly() throws Exception {
        GroupManagerKey.Revocation revocation = manager.revoke(2);
        GroupPublicKey next = revocation.next().groupPublicKey();

        for (int index = 0; index < MEMBERS; index++) {
            if (index == 2) {
                continue;
            }
            MemberCredential updated = manager.mintMember(index).update(revocation.update());

            assertEquals(revocation.next().mintMember(index), updated, "member " + index);
            assertEquals(next, updated.groupPublicKey());
            assertEquals(updated, MemberCredential.fromBytes(updated.toBytes()), "a member key of the new group");
            GroupSignature signature = updated.sign(MESSAGE);
            assertVerifies(next, signature);
            assertRefused(manager.groupPublicKey(), signature);
        }
    }

    @Test
    void theUpdatedKeyIsTheManagersAndHasOwnGenerators() throws Exception {
        GroupManagerKey.Revocation revocation = manager.revoke(4);

        GroupPublicKey applied = manager.groupPublicKey().apply(revocation.update());

        assertEquals(revocation.next().groupPublicKey(), applied);
        assertArrayEquals(revocation.next().groupPublicKey().toBytes(), applied.toBytes());
        assertEquals(GroupPublicKey.ENCODED_BYTES_V2, applied.toBytes().length);
        assertEquals(2, applied.toBytes()[0]);
        assertFalse(applied.hasStandardGenerators());
        assertTrue(manager.groupPublicKey().hasStandardGenerators());
        // h, u, v stay; w, g1, g2 change.
        byte[] before = manager.groupPublicKey().toBytes();
        byte[] after = applied.toBytes();
        assertArrayEquals(java.util.Arrays.copyOfRange(before, 1, 145), java.util.Arrays.copyOfRange(after, 1, 145));
        assertNotEquals(java.util.HexFormat.of().formatHex(before, 145, 241),
                java.util.HexFormat.of().formatHex(after, 145, 241));
        assertEquals(GroupKeyUpdate.ENCODED_BYTES, revocation.update().toBytes().length);
        assertEquals(revocation.update(), GroupKeyUpdate.fromBytes(revocation.update().toBytes()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aChainOfUpdatesLeavesEveryRevokedMemberOutAndEveryOtherIn(int revocations) throws Exception {
        GroupManagerKey current = manager;
        List<GroupKeyUpdate> chain = new ArrayList<>();
        for (int j = 0; j < revocations; j++) {
            GroupManagerKey.Revocation revocation = current.revoke(MEMBERS - 1 - j);
            chain.add(revocation.update());
            current = revocation.next();
        }

        GroupPublicKey key = manager.groupPublicKey();
        for (GroupKeyUpdate update : chain) {
            key = key.apply(update);
        }
        assertEquals(current.groupPublicKey(), key);
        assertEquals(chain, current.updatesSince(0));
        assertEquals(chain.subList(1, revocations), current.updatesSince(1));
        assertEquals(List.of(), current.updatesSince(revocations));
        assertEquals(revocations, current.epoch());

        for (int index = 0; index < MEMBERS; index++) {
            MemberCredential credential = manager.mintMember(index);
            int revokedAt = MEMBERS - 1 - index;
            for (int j = 0; j < chain.size(); j++) {
                GroupKeyUpdate update = chain.get(j);
                if (j == revokedAt) {
                    MemberCredential lastOne = credential;
                    assertThrows(MemberRevokedException.class, () -> lastOne.update(update), "member " + index);
                    break;
                }
                credential = credential.update(update);
            }
            boolean remains = revokedAt >= revocations;
            assertEquals(remains, !current.isRevoked(index));
            if (remains) {
                assertEquals(current.mintMember(index), credential);
                GroupSignature signature = credential.sign(MESSAGE);
                assertVerifies(current.groupPublicKey(), signature);
                assertEquals(index, current.open(signature, MESSAGE));
            }
        }
    }

    @Test
    void aLongChainAgreesWithTheManagerAtEveryStep() throws Exception {
        GroupManagerKey big = GroupManagerKey.generate(40);
        MemberCredential survivor = big.mintMember(39);
        GroupManagerKey current = big;
        for (int j = 0; j < 30; j++) {
            GroupManagerKey.Revocation revocation = current.revoke(j);
            survivor = survivor.update(revocation.update());
            current = revocation.next();
            assertEquals(current.mintMember(39), survivor, "after " + (j + 1) + " revocations");
        }

        assertEquals(big.revoke(0).next().groupPublicKey(), big.groupPublicKey().apply(current.updatesSince(0).get(0)));
        assertEquals(39, current.open(survivor.sign(MESSAGE), MESSAGE));
        GroupManagerKey decoded = GroupManagerKey.fromBytes(current.toBytes(InsecureSecretKeyAccess.get()));
        assertEquals(current.groupPublicKey(), decoded.groupPublicKey());
        assertEquals(current.revokedMembers(), decoded.revokedMembers());
    }

    @Test
    void updatesOutOfOrderOrForAnotherKeyAreRefused() throws Exception {
        GroupManagerKey.Revocation first = manager.revoke(0);
        GroupManagerKey.Revocation second = first.next().revoke(1);
        GroupKeyUpdate foreign = otherManager.revoke(0).update();

        // The second update applied to the first key, the first twice, and another group's update.
        assertThrows(InvalidGroupKeyUpdateException.class, () -> manager.groupPublicKey().apply(second.update()));
        GroupPublicKey afterFirst = manager.groupPublicKey().apply(first.update());
        assertThrows(InvalidGroupKeyUpdateException.class, () -> afterFirst.apply(first.update()));
        assertThrows(InvalidGroupKeyUpdateException.class, () -> manager.groupPublicKey().apply(foreign));
        assertThrows(InvalidGroupKeyUpdateException.class, () -> otherManager.groupPublicKey().apply(first.update()));
        assertDoesNotThrow(() -> afterFirst.apply(second.update()));

        MemberCredential member = manager.mintMember(3);
        assertThrows(InvalidGroupKeyUpdateException.class, () -> member.update(second.update()));
        assertThrows(InvalidGroupKeyUpdateException.class, () -> member.update(foreign));
        MemberCredential updated = member.update(first.update());
        assertThrows(InvalidGroupKeyUpdateException.class, () -> updated.update(first.update()));
        // The member revoked by the second update is told so only when it gets there in order.
        MemberCredential secondRevoked = manager.mintMember(1);
        assertThrows(InvalidGroupKeyUpdateException.class, () -> secondRevoked.update(second.update()));
        MemberCredential atFirst = secondRevoked.update(first.update());
        assertThrows(MemberRevokedException.class, () -> atFirst.update(second.update()));
    }

    @Test
    void aForgedUpdateFailsTheChecks() throws Exception {
        GroupPublicKey key = manager.groupPublicKey();
        GroupKeyUpdate honest = manager.revoke(0).update();
        Random random = new Random(20261201L);
        BigInteger t = new BigInteger(300, random).mod(Bls12381.R);

        // A member knows its own (A, x) but not g2^(1/(γ + x)): a random g2' fails the first check.
        MemberCredential member = manager.mintMember(5);
        GroupKeyUpdate randomG2 = new GroupKeyUpdate(member.a(), member.x(),
                Bls12381.multiply(Bls12381.G2, t).to_affine());
        assertRefusedBy("g2' does not match", key, randomG2);
        // The honest update's A* and g2' with the x of another member: the second check.
        GroupKeyUpdate otherX = new GroupKeyUpdate(honest.revokedA(), manager.mintMember(1).x(),
                honest.nextG2());
        assertRefusedBy("not a member key", key, otherX);
        // Anyone can pick g1' = g1^t, g2' = g2^t: passes the first check, fails the second.
        GroupKeyUpdate consistentButNoMember = new GroupKeyUpdate(Bls12381.multiply(Bls12381.G1, t).to_affine(),
                honest.revokedX(), Bls12381.multiply(Bls12381.G2, t).to_affine());
        assertRefusedBy("not a member key", key, consistentButNoMember);
        // Honest A* and x*, g2' for another exponent.
        GroupKeyUpdate otherG2 = new GroupKeyUpdate(honest.revokedA(), honest.revokedX(),
                Bls12381.multiply(honest.nextG2(), BigInteger.TWO).to_affine());
        assertRefusedBy("g2' does not match", key, otherG2);

        // A forged update naming a member's x does not make that member believe it was revoked.
        GroupKeyUpdate namingMember = new GroupKeyUpdate(member.a(), member.x(),
                Bls12381.multiply(Bls12381.G2, t).to_affine());
        assertThrows(InvalidGroupKeyUpdateException.class, () -> member.update(namingMember));
    }

    private static void assertRefusedBy(String reason, GroupPublicKey key, GroupKeyUpdate forged) throws Exception {
        InvalidGroupKeyUpdateException refused = assertThrows(InvalidGroupKeyUpdateException.class, () -> key.apply(forged));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        GroupKeyUpdate decoded = GroupKeyUpdate.fromBytes(forged.toBytes());
        assertThrows(InvalidGroupKeyUpdateException.class, () -> key.apply(decoded));
    }

    @Test
    void openingNamesTheRightMemberAfterRevocations() throws Exception {
        GroupManagerKey afterTwo = manager.revoke(1).next().revoke(4).next();

        for (int index = 0; index < MEMBERS; index++) {
            if (afterTwo.isRevoked(index)) {
                continue;
            }
            GroupSignature signature = afterTwo.mintMember(index).sign(MESSAGE);
            assertEquals(index, afterTwo.open(signature, MESSAGE));
            assertEquals(index, GroupManagerKey.fromBytes(afterTwo.toBytes(InsecureSecretKeyAccess.get()))
                    .open(signature, MESSAGE));
        }
        // A signature made under the old key does not verify under the current one, so it is not opened.
        GroupSignature old = manager.mintMember(0).sign(MESSAGE);
        assertThrows(VerificationFailedException.class, () -> afterTwo.open(old, MESSAGE));
        assertEquals(List.of(1, 4), afterTwo.revokedMembers());
    }

    @Test
    void theManagerRefusesToRevokeTwiceOrOutsideTheGroupAndToMintARevokedMember() {
        GroupManagerKey afterOne = manager.revoke(3).next();

        assertThrows(IllegalArgumentException.class, () -> afterOne.revoke(3));
        assertThrows(IllegalArgumentException.class, () -> afterOne.revoke(MEMBERS));
        assertThrows(IllegalArgumentException.class, () -> afterOne.revoke(-1));
        assertThrows(IllegalArgumentException.class, () -> afterOne.mintMember(3));
        assertThrows(IllegalArgumentException.class, () -> afterOne.updatesSince(2));
        assertThrows(IllegalArgumentException.class, () -> afterOne.updatesSince(-1));
        assertTrue(afterOne.isRevoked(3));
        assertFalse(afterOne.isRevoked(2));
        assertFalse(manager.isRevoked(3), "revoking makes a new key; the old one is unchanged");
    }

    @Test
    void growingTheGroupKeepsTheRevocationsAndTheKey() throws Exception {
        GroupManagerKey afterOne = manager.revoke(3).next();

        GroupManagerKey grown = afterOne.withMemberCount(MEMBERS + 4);

        assertEquals(afterOne.groupPublicKey(), grown.groupPublicKey());
        assertEquals(List.of(3), grown.revokedMembers());
        assertThrows(IllegalArgumentException.class, () -> grown.mintMember(3));
        MemberCredential newcomer = grown.mintMember(MEMBERS + 2);
        assertEquals(MEMBERS + 2, grown.open(newcomer.sign(MESSAGE), MESSAGE));
        assertEquals(afterOne.mintMember(0), grown.mintMember(0));
    }

    @Test
    void encodingsFollowTheKeyVersion() throws Exception {
        GroupManagerKey afterTwo = manager.revoke(5).next().revoke(0).next();

        byte[] managerBytes = afterTwo.toBytes(InsecureSecretKeyAccess.get());
        byte[] credentialBytes = afterTwo.mintMember(2).toBytes();

        assertEquals(GroupManagerKey.ENCODED_BYTES_V1 + 4 + 2 * 4, managerBytes.length);
        assertEquals(2, managerBytes[0]);
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 0},
                java.util.Arrays.copyOfRange(managerBytes, 37, 49));
        assertEquals(GroupManagerKey.ENCODED_BYTES_V1, manager.toBytes(InsecureSecretKeyAccess.get()).length);
        assertEquals(MemberCredential.ENCODED_BYTES_V2, credentialBytes.length);
        assertEquals(2, credentialBytes[0]);
        assertEquals(afterTwo.mintMember(2), MemberCredential.fromBytes(credentialBytes));
        assertEquals(afterTwo.groupPublicKey(), GroupPublicKey.fromBytes(afterTwo.groupPublicKey().toBytes()));
        assertEquals(MemberCredential.ENCODED_BYTES_V1, manager.mintMember(2).toBytes().length);
        assertEquals(466, MemberCredential.MAX_ENCODED_BYTES);
        assertEquals(385, GroupPublicKey.MAX_ENCODED_BYTES);
        assertEquals(177, GroupKeyUpdate.ENCODED_BYTES);
    }

    @Test
    void theUpdateRevealsNoSecretInItsText() {
        GroupKeyUpdate update = manager.revoke(1).update();
        String xHex = java.util.HexFormat.of().formatHex(update.toBytes(), 49, 81);

        assertFalse(update.toString().contains(xHex));
        assertTrue(manager.revoke(1).next().toString().contains("revoked=1"));
    }
}
