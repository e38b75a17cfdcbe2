package dev.tacit.server.groups;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.settings.TestSettings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupVerifiersTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    /** Promotion after 3 valid replies within an hour; tables for 2 groups at most. */
    private static final TacitSettings.GroupVerifiers SETTINGS = TestSettings.of(Map.of(
            "tacit.group-verifiers.promotion-replies", "3",
            "tacit.group-verifiers.promotion-period", "PT1H",
            "tacit.group-verifiers.with-tables", "2")).groupVerifiers();

    private MovableClock clock;
    private HeldExecutor builds;

    @BeforeEach
    void startTheClock() {
        clock = new MovableClock(START);
        builds = new HeldExecutor();
    }

    /** Runs table builds only when the test says so, and counts them. */
    private static final class HeldExecutor implements Executor {
        final List<Runnable> queued = new ArrayList<>();
        int submitted;

        @Override
        public void execute(Runnable task) {
            submitted++;
            queued.add(task);
        }

        void runAll() {
            List<Runnable> tasks = new ArrayList<>(queued);
            queued.clear();
            tasks.forEach(Runnable::run);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A group and a signed reply to its owner. */
    private record Group(GroupManagerKey manager) {

        static Group create() {
            return new Group(GroupManagerKey.generate(4));
        }

        byte[] key() {
            return manager.groupPublicKey().toBytes();
        }

        Reply reply() {
            GroupSignedMessage message = GroupSignedMessage.of(number("+4915100000002"), envelope(), START);
            return new Reply(manager.mintMember(RANDOM.nextInt(4)).sign(message), message);
        }
    }

    private record Reply(GroupSignature signature, GroupSignedMessage message) {
    }

    private static PhoneNumber number(String e164) {
        try {
            return PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Random bytes of a 512-byte-bucket envelope: all the server sees of one. */
    private static SealedEnvelope envelope() {
        byte[] bytes = new byte[1 + 32 + 512 + 16];
        RANDOM.nextBytes(bytes);
        bytes[0] = SealedEnvelope.VERSION;
        try {
            return SealedEnvelope.fromBytes(bytes);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GroupVerifiers verifiers(Executor executor) {
        return new GroupVerifiers(SETTINGS, clock, executor);
    }

    private static void verifyValid(GroupVerifiers verifiers, Group group) throws VerificationFailedException {
        Reply reply = group.reply();
        verifiers.verify(group.key(), reply.signature(), reply.message());
    }

    @Test
    void aGroupIsVerifiedWithoutTablesUntilItHasReceivedEnoughValidReplies() throws Exception {
        GroupVerifiers verifiers = verifiers(builds);
        Group group = Group.create();

        verifyValid(verifiers, group);
        verifyValid(verifiers, group);

        assertEquals(0, builds.submitted, "no tables for the first replies");
        assertFalse(verifiers.hasTables(group.key()));

        verifyValid(verifiers, group);
        assertEquals(1, builds.submitted, "the third valid reply promotes the group");
        builds.runAll();

        assertTrue(verifiers.hasTables(group.key()));
        verifyValid(verifiers, group);
        assertEquals(1, builds.submitted, "tables are built once");
    }

    @Test
    void bothPathsRejectWhatDoesNotVerify() throws Exception {
        GroupVerifiers verifiers = verifiers(Runnable::run);
        Group group = Group.create();
        Reply reply = group.reply();
        GroupSignedMessage otherTime = GroupSignedMessage.of(number("+4915100000002"), envelope(), START.plusSeconds(1));

        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(group.key(), reply.signature(), otherTime), "without tables");
        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, group);
        }
        assertTrue(verifiers.hasTables(group.key()));
        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(group.key(), reply.signature(), otherTime), "with tables");
        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(Group.create().key(), reply.signature(), reply.message()), "another group");
    }

    @Test
    void invalidRepliesNeverPromoteAGroup() {
        GroupVerifiers verifiers = verifiers(builds);
        Group group = Group.create();
        Reply byAnotherGroup = Group.create().reply();

        for (int i = 0; i < 10; i++) {
            assertThrows(VerificationFailedException.class,
                    () -> verifiers.verify(group.key(), byAnotherGroup.signature(), byAnotherGroup.message()));
        }

        assertEquals(0, builds.submitted);
        assertFalse(verifiers.hasTables(group.key()));
    }

    @Test
    void validRepliesCountWithinOnePeriod() throws Exception {
        GroupVerifiers verifiers = verifiers(builds);
        Group group = Group.create();

        verifyValid(verifiers, group);
        verifyValid(verifiers, group);
        clock.advance(Duration.ofHours(1));
        verifyValid(verifiers, group);
        verifyValid(verifiers, group);

        assertEquals(0, builds.submitted, "two replies in each of two periods do not promote");

        verifyValid(verifiers, group);
        assertEquals(1, builds.submitted, "the third in one period does");
    }

    @Test
    void whileTablesAreBuiltEveryGroupIsStillVerifiedAndNoSecondBuildStarts() throws Exception {
        GroupVerifiers verifiers = verifiers(builds);
        Group promoted = Group.create();
        Group other = Group.create();
        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, promoted);
        }
        assertEquals(1, builds.queued.size(), "the build is pending, not run");

        for (int i = 0; i < 4; i++) {
            verifyValid(verifiers, promoted);
        }
        verifyValid(verifiers, other);
        verifyValid(verifiers, other);

        assertFalse(verifiers.hasTables(promoted.key()));
        assertEquals(1, builds.submitted, "no second build while the first is pending");
        builds.runAll();
        assertTrue(verifiers.hasTables(promoted.key()));
    }

    @Test
    void atMostTheBoundOfGroupsKeepTablesAndTheLeastRecentlyUsedLosesThem() throws Exception {
        GroupVerifiers verifiers = verifiers(Runnable::run);
        Group first = Group.create();
        Group second = Group.create();
        Group third = Group.create();
        for (Group group : List.of(first, second)) {
            for (int i = 0; i < 3; i++) {
                verifyValid(verifiers, group);
            }
        }
        verifyValid(verifiers, first); // second is now the least recently used

        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, third);
        }

        assertEquals(2, verifiers.groupsWithTables());
        assertTrue(verifiers.hasTables(first.key()));
        assertFalse(verifiers.hasTables(second.key()));
        assertTrue(verifiers.hasTables(third.key()));
        verifyValid(verifiers, second); // without tables again, still correct
    }

    @Test
    void aReplacedGroupKeyIsADifferentEntry() throws Exception {
        GroupVerifiers verifiers = verifiers(Runnable::run);
        Group before = Group.create();
        Group after = Group.create();
        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, before);
        }
        Reply signedForTheOldKey = before.reply();

        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(after.key(), signedForTheOldKey.signature(), signedForTheOldKey.message()));
        verifyValid(verifiers, after);

        assertTrue(verifiers.hasTables(before.key()));
        assertFalse(verifiers.hasTables(after.key()), "the new key earns its own tables");
    }

    @Test
    void afterAMemberIsRevokedTheTablesOfTheSupersededKeyAreNeverUsedForTheCurrentOne() throws Exception {
        GroupVerifiers verifiers = verifiers(Runnable::run);
        GroupManagerKey manager = GroupManagerKey.generate(4);
        Group before = new Group(manager);
        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, before);
        }
        assertTrue(verifiers.hasTables(before.key()), "the key before the block has its tables");
        GroupManagerKey.Revocation revocation = manager.revoke(2);
        Group after = new Group(revocation.next());
        assertFalse(java.util.Arrays.equals(before.key(), after.key()));
        GroupSignedMessage message = GroupSignedMessage.of(number("+4915100000002"), envelope(), START);
        GroupSignature byTheRevokedMember = manager.mintMember(2).sign(message);
        GroupSignature byARemainingMemberNotCaughtUp = manager.mintMember(1).sign(message);

        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(after.key(), byTheRevokedMember, message), "the blocked member");
        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(after.key(), byARemainingMemberNotCaughtUp, message),
                "any signature under the superseded key");
        verifiers.verify(before.key(), byARemainingMemberNotCaughtUp, message); // the old key's tables still work for it
        verifiers.verify(after.key(), manager.mintMember(1).update(revocation.update()).sign(message), message);
        assertFalse(verifiers.hasTables(after.key()), "the current key earns tables of its own");
        for (int i = 0; i < 3; i++) {
            verifiers.verify(after.key(), revocation.next().mintMember(3).sign(message), message);
        }
        assertTrue(verifiers.hasTables(after.key()));
        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(after.key(), byTheRevokedMember, message), "nor with the current key's tables");
        assertThrows(VerificationFailedException.class,
                () -> verifiers.verify(after.key(), byARemainingMemberNotCaughtUp, message));
    }

    @Test
    void aRefusedBuildLeavesTheGroupWithoutTablesAndItIsPromotedAgainLater() throws Exception {
        int[] attempts = new int[1];
        Executor refusingOnce = task -> {
            if (attempts[0]++ == 0) {
                throw new RejectedExecutionException("shutting down");
            }
            task.run();
        };
        GroupVerifiers verifiers = verifiers(refusingOnce);
        Group group = Group.create();

        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, group);
        }
        assertFalse(verifiers.hasTables(group.key()));
        for (int i = 0; i < 3; i++) {
            verifyValid(verifiers, group);
        }

        assertEquals(2, attempts[0]);
        assertTrue(verifiers.hasTables(group.key()));
    }

    @Test
    void aKeyThatDoesNotDecodeIsTheServersFault() {
        GroupVerifiers verifiers = verifiers(builds);
        Reply reply = Group.create().reply();
        byte[] notAKey = new byte[241];

        assertThrows(IllegalArgumentException.class,
                () -> verifiers.verify(notAKey, reply.signature(), reply.message()));
    }

    @Test
    void theCallersKeyBytesAreNotKept() throws Exception {
        GroupVerifiers verifiers = verifiers(Runnable::run);
        Group group = Group.create();
        byte[] key = group.key();
        for (int i = 0; i < 3; i++) {
            Reply reply = group.reply();
            verifiers.verify(key, reply.signature(), reply.message());
        }
        key[1] ^= 1;

        assertTrue(verifiers.hasTables(group.key()));
    }

    @Test
    void onlyTheBoundOfRecentGroupsKeepTheirCountAndTheLeastRecentlyUsedStartsAgain() throws Exception {
        GroupVerifiers verifiers = new GroupVerifiers(SETTINGS, clock, builds, 2);
        Group busy = Group.create();
        verifyValid(verifiers, busy);
        verifyValid(verifiers, busy);

        verifyValid(verifiers, Group.create());
        verifyValid(verifiers, Group.create()); // the third recent group: busy's count is dropped
        verifyValid(verifiers, busy);

        assertEquals(0, builds.submitted, "busy counts 1, not 3");
        verifyValid(verifiers, busy);
        verifyValid(verifiers, busy);
        assertEquals(1, builds.submitted);
    }
}
