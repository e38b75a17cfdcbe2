package dev.tacit.crypto.group;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.SplittableRandom;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.PhoneNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supranational.blst.P1;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verifier without tables (a reply to a group the server has not cached) and the verifier with tables
 * decide alike: over many random cases, valid signatures and signatures forged or altered in every field,
 * both compute the same commitments R1..R5 and so accept exactly the same signatures; for a group key with
 * the standard generators (version 1) and for one with its own g1 and g2 after revocations (version 2,
 * docs/protocol.md §2.2.9). The worked example's signature is checked with both in
 * {@link GroupSignatureDocumentExamplesTest}.
 */
class VerifierEquivalenceTest {

    private static final int CASES = 110;

    private static GroupManagerKey standardGroup;
    private static GroupManagerKey revokedGroup;
    private static GroupManagerKey otherManager;

    // The group of the running case.
    private static GroupManagerKey manager;
    private static GroupSignatureVerifier withTables;
    private static GroupSignatureVerifier withoutTables;

    /** What a case does to an honest signature, and whether the result must verify. */
    private enum Case {
        VALID(true),
        OTHER_RECIPIENT(false),
        OTHER_ENVELOPE(false),
        OTHER_TIME(false),
        CHANGED_RESPONSE_OR_CHALLENGE(false),
        POINT_OF_ANOTHER_SIGNATURE(false),
        MEMBER_OF_ANOTHER_GROUP(false),
        MEMBER_UNDER_ANOTHER_KEY_OF_THE_CHAIN(false),
        FORGED_MEMBER_KEY(false),
        RANDOM_VALUES(false);

        final boolean valid;

        Case(boolean valid) {
            this.valid = valid;
        }
    }

    @BeforeAll
    static void createGroups() {
        standardGroup = GroupManagerKey.generate(8);
        revokedGroup = standardGroup.revoke(2).next().revoke(6).next();
        otherManager = GroupManagerKey.generate(8);
    }

    @ParameterizedTest(name = "group key of version {0}")
    @ValueSource(ints = {1, 2})
    void bothVerifiersAcceptTheValidAndRejectTheForgedSignaturesAlike(int version) {
        manager = version == 1 ? standardGroup : revokedGroup;
        assertEquals(version, manager.groupPublicKey().toBytes()[0]);
        withTables = GroupSignatureVerifier.withTables(manager.groupPublicKey());
        withoutTables = GroupSignatureVerifier.withoutTables(manager.groupPublicKey());
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            Case kind = Case.values()[i % Case.values().length];
            Reply reply = Reply.random(random);
            GroupSignature signature = signatureFor(kind, reply.message(), random);
            GroupSignedMessage verified = messageFor(kind, reply, random);
            String where = "case " + i + " (" + kind + "), random seed " + seed;

            assertEquals(encode(withTables.recomputeCommitments(signature)),
                    encode(withoutTables.recomputeCommitments(signature)), where);
            assertEquals(kind.valid, withTables.isValid(signature, verified), where);
            assertEquals(kind.valid, withoutTables.isValid(signature, verified), where);
        }
    }

    /** The inputs of a signed message. */
    private record Reply(PhoneNumber recipient, SealedEnvelope envelope, Instant timestamp) {

        static Reply random(SplittableRandom random) {
            // "+1" and ten digits, so appending a digit gives another valid number.
            String number = "+1" + String.format("%010d", random.nextLong(10_000_000_000L));
            return new Reply(TestReplies.number(number), TestReplies.randomEnvelope(new Random(random.nextLong())),
                    Instant.ofEpochSecond(random.nextLong(1L << 40)));
        }

        GroupSignedMessage message() {
            return GroupSignedMessage.of(recipient, envelope, timestamp);
        }
    }

    private static GroupSignature signatureFor(Case kind, GroupSignedMessage message, SplittableRandom random) {
        MemberCredential member = randomMember(manager, random);
        GroupSignature honest = member.sign(message);
        switch (kind) {
            case CHANGED_RESPONSE_OR_CHALLENGE:
                return withChangedScalar(honest, random);
            case POINT_OF_ANOTHER_SIGNATURE:
                return withPointOf(honest, member.sign(message), random.nextInt(3));
            case MEMBER_OF_ANOTHER_GROUP:
                return randomMember(otherManager, random).sign(message);
            case MEMBER_UNDER_ANOTHER_KEY_OF_THE_CHAIN:
                // Same group, same members, the key before or after the revocations.
                return randomMember(manager == standardGroup ? revokedGroup : standardGroup, random).sign(message);
            case FORGED_MEMBER_KEY:
                // A proof made with an (A, x) that is not a member key: only R3's pairing equation tells.
                return new MemberCredential(manager.groupPublicKey(), randomPoint(random).to_affine(),
                        randomScalar(random)).sign(message);
            case RANDOM_VALUES:
                return new GroupSignature(randomPoint(random), randomPoint(random), randomPoint(random),
                        new BigInteger(128, new Random(random.nextLong())), randomScalar(random),
                        randomScalar(random), randomScalar(random), randomScalar(random), randomScalar(random));
            default:
                return honest;
        }
    }

    private static GroupSignedMessage messageFor(Case kind, Reply signed, SplittableRandom random) {
        switch (kind) {
            case OTHER_RECIPIENT:
                return GroupSignedMessage.of(TestReplies.number(signed.recipient().e164() + random.nextInt(10)),
                        signed.envelope(), signed.timestamp());
            case OTHER_ENVELOPE:
                byte[] changed = signed.envelope().toBytes();
                changed[1 + random.nextInt(changed.length - 1)] ^= (byte) (1 << random.nextInt(8));
                return GroupSignedMessage.of(signed.recipient(), TestReplies.envelope(changed), signed.timestamp());
            case OTHER_TIME:
                return GroupSignedMessage.of(signed.recipient(), signed.envelope(),
                        signed.timestamp().plusSeconds(1 + random.nextInt(1000)));
            default:
                return signed.message();
        }
    }

    private static MemberCredential randomMember(GroupManagerKey group, SplittableRandom random) {
        while (true) {
            int index = random.nextInt(group.memberCount());
            if (!group.isRevoked(index)) {
                return group.mintMember(index);
            }
        }
    }

    private static GroupSignature withChangedScalar(GroupSignature honest, SplittableRandom random) {
        BigInteger[] scalars = {honest.challenge(), honest.sAlpha(), honest.sBeta(), honest.sX(), honest.sDelta1(),
                honest.sDelta2()};
        int which = random.nextInt(scalars.length);
        BigInteger bound = which == 0 ? GroupSignature.CHALLENGE_BOUND : Bls12381.R;
        scalars[which] = scalars[which].add(BigInteger.valueOf(1 + random.nextInt(1000))).mod(bound);
        return new GroupSignature(honest.t1().to_jacobian(), honest.t2().to_jacobian(), honest.t3().to_jacobian(),
                scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5]);
    }

    private static GroupSignature withPointOf(GroupSignature honest, GroupSignature other, int which) {
        return new GroupSignature(
                (which == 0 ? other : honest).t1().to_jacobian(),
                (which == 1 ? other : honest).t2().to_jacobian(),
                (which == 2 ? other : honest).t3().to_jacobian(),
                honest.challenge(), honest.sAlpha(), honest.sBeta(), honest.sX(), honest.sDelta1(), honest.sDelta2());
    }

    private static P1 randomPoint(SplittableRandom random) {
        return Bls12381.multiply(Bls12381.G1, randomScalar(random).max(BigInteger.ONE));
    }

    private static BigInteger randomScalar(SplittableRandom random) {
        return new BigInteger(384, new Random(random.nextLong())).mod(Bls12381.R);
    }

    /** R1..R5 as they enter the challenge, in hex: equal strings, equal decisions. */
    static String encode(Commitments commitments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(commitments.r1().compress());
        out.writeBytes(commitments.r2().compress());
        out.writeBytes(commitments.r3().to_bendian());
        out.writeBytes(commitments.r4().compress());
        out.writeBytes(commitments.r5().compress());
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
