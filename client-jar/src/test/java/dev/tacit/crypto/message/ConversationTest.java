package dev.tacit.crypto.message;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.TestPki;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.ratchet.ReplayedMessageException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationTest {

    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki(random);
    private final TestPki.Account aliceAccount = pki.register("+4915100000001");
    private final TestPki.Account bobAccount = pki.register("+4915100000002");
    private final TestPki.Account carolAccount = pki.register("+4915100000003");
    private final LocalAccount alice = local(aliceAccount);
    private final LocalAccount bob = local(bobAccount);
    private final MemberCredential aliceCredential = credential(0xa1);
    private final MemberCredential bobCredential = credential(0xb0);
    private final AcceptedInitiations accepted = new AcceptedInitiations();

    @Test
    void firstContactAndRepliesExchangeTextsAndMemberCredentials() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi Bob"), TestPki.NOW, random);

        Conversation.Received bobReceived = Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random);
        assertArrayEquals(text("hi Bob"), bobReceived.text());
        assertEquals(aliceCredential, bobReceived.peerCredential());
        assertEquals(aliceAccount.number, bobReceived.conversation().peer());

        Conversation.Message firstReply = started.conversation().receive(open(alice,
                bobReceived.conversation().send(bob, bundle(aliceAccount), text("hi Alice"), TestPki.NOW, random)));
        assertArrayEquals(text("hi Alice"), firstReply.text());
        assertEquals(bobCredential, firstReply.peerCredential().orElseThrow());

        Conversation.Message secondReply = started.conversation().receive(open(alice,
                bobReceived.conversation().send(bob, bundle(aliceAccount), text("again"), TestPki.NOW, random)));
        assertTrue(secondReply.peerCredential().isEmpty());
        Conversation.Message followUp = bobReceived.conversation().receive(open(bob,
                started.conversation().send(alice, bundle(bobAccount), text("and back"), TestPki.NOW, random)));
        assertTrue(followUp.peerCredential().isEmpty());
        assertArrayEquals(text("and back"), followUp.text());
    }

    /** After a revocation (protocol §2.2.9) credentials are 466 bytes; they travel as the 322-byte ones do. */
    @Test
    void credentialsOfAGroupThatRevokedMembersTravelInFirstContactsAndReplies() throws Exception {
        GroupManagerKey aliceGroup = GroupManagerKey.generate(4).revoke(1).next();
        GroupManagerKey bobGroup = GroupManagerKey.generate(4).revoke(2).next();
        MemberCredential aliceV2 = aliceGroup.mintMember(0);
        MemberCredential bobV2 = bobGroup.mintMember(3);
        assertEquals(MemberCredential.ENCODED_BYTES_V2, aliceV2.toBytes().length);
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceV2, text("hi"), TestPki.NOW, random);

        Conversation.Received bobReceived = Conversation.accept(bob, open(bob, started.envelope()), bobV2, accepted, random);
        Conversation restored = Conversation.fromBytes(bobReceived.conversation().toBytes(), random);
        Conversation.Message reply = started.conversation().receive(open(alice,
                restored.send(bob, bundle(aliceAccount), text("hi back"), TestPki.NOW, random)));

        assertEquals(aliceV2, bobReceived.peerCredential());
        assertEquals(bobV2, reply.peerCredential().orElseThrow());
    }

    @Test
    void shuffledDroppedAndDuplicatedEnvelopesAreHandled() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("0"), TestPki.NOW, random);
        Conversation bobSide = Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random).conversation();
        List<Integer> order = new ArrayList<>();
        List<SealedEnvelope> sent = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            sent.add(started.conversation().send(alice, bundle(bobAccount), text(Integer.toString(i)), TestPki.NOW, random));
            order.add(i - 1);
        }
        order.remove(Integer.valueOf(4)); // dropped
        order.remove(Integer.valueOf(9)); // dropped
        Collections.shuffle(order, new Random(7));
        order.add(2, order.get(0)); // duplicated

        int replays = 0;
        List<Integer> delivered = new ArrayList<>();
        for (int index : order) {
            try {
                byte[] received = bobSide.receive(open(bob, sent.get(index))).text();
                assertArrayEquals(text(Integer.toString(index + 1)), received);
                delivered.add(index);
            } catch (ReplayedMessageException expected) {
                replays++;
            }
        }
        assertEquals(1, replays);
        assertEquals(10, delivered.size());
        assertArrayEquals(text("13"), bobSide.receive(open(bob,
                started.conversation().send(alice, bundle(bobAccount), text("13"), TestPki.NOW, random))).text());
    }

    @Test
    void envelopeFromSomeoneElseCannotContinueTheConversation() throws Exception {
        Conversation.Started withBob = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        Conversation bobSide = Conversation.accept(bob, open(bob, withBob.envelope()), bobCredential, accepted, random).conversation();
        Conversation.Started carolToBob = Conversation.start(local(carolAccount), bundle(bobAccount), credential(0xc0), text("me too"),
                TestPki.NOW, random);
        Conversation carolSide = Conversation.accept(bob, open(bob, carolToBob.envelope()), bobCredential, accepted, random).conversation();
        SealedEnvelope aliceFollowUp = withBob.conversation().send(alice, bundle(bobAccount), text("x"), TestPki.NOW, random);

        assertThrows(UnexpectedSenderException.class, () -> carolSide.receive(open(bob, aliceFollowUp)));
        assertThrows(UnexpectedSenderException.class, () -> bobSide.receive(open(bob, carolToBob.envelope())));
        assertThrows(UnexpectedSenderException.class,
                () -> bobSide.send(bob, bundle(carolAccount), text("wrong bundle"), TestPki.NOW, random));
    }

    @Test
    void firstContactCannotContinueAnExistingConversation() throws Exception {
        Conversation.Started first = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        Conversation bobSide = Conversation.accept(bob, open(bob, first.envelope()), bobCredential, accepted, random).conversation();
        SealedEnvelope restart = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi again"), TestPki.NOW, random)
                .envelope();

        assertThrows(UnexpectedContentException.class, () -> bobSide.receive(open(bob, restart)));
    }

    @Test
    void replayedFirstContactIsRejectedEvenAfterARestart() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random);

        assertThrows(ReplayedMessageException.class,
                () -> Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random));
        AcceptedInitiations restored = AcceptedInitiations.fromBytes(accepted.toBytes());
        assertThrows(ReplayedMessageException.class,
                () -> Conversation.accept(bob, open(bob, started.envelope()), bobCredential, restored, random));
        restored.clear();
        assertEquals(0, restored.size());
    }

    @Test
    void forgedFirstContactIsNotRecordedAsAccepted() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        LocalAccount bobWithOtherPreKey = LocalAccount.of(bobAccount.number, bobAccount.identity, bobAccount.certificate,
                bobAccount.envelopeKey, 7, dev.tacit.crypto.identity.AgreementKeyPair.generate(random));

        assertThrows(dev.tacit.crypto.ratchet.UndecryptableMessageException.class,
                () -> Conversation.accept(bobWithOtherPreKey, open(bob, started.envelope()), bobCredential, accepted, random));
        assertEquals(0, accepted.size());
    }

    @Test
    void followUpIsNotAcceptedAsFirstContact() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random);
        SealedEnvelope followUp = started.conversation().send(alice, bundle(bobAccount), text("x"), TestPki.NOW, random);

        assertThrows(UnexpectedContentException.class, () -> Conversation.accept(bob, open(bob, followUp), bobCredential, accepted, random));
    }

    @Test
    void persistedConversationContinuesAndStillOwesItsCredential() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        Conversation bobSide = Conversation.accept(bob, open(bob, started.envelope()), bobCredential, accepted, random).conversation();

        Conversation restoredBob = Conversation.fromBytes(bobSide.toBytes(), random);
        Conversation restoredAlice = Conversation.fromBytes(started.conversation().toBytes(), random);
        Conversation.Message reply = restoredAlice.receive(open(alice,
                restoredBob.send(bob, bundle(aliceAccount), text("reply"), TestPki.NOW, random)));

        assertEquals(bobCredential, reply.peerCredential().orElseThrow());
        assertEquals(bobAccount.number, restoredAlice.peer());
    }

    @Test
    void contentDecodingIsStrict() throws Exception {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);
        byte[] content = open(bob, started.envelope()).content();

        byte[] unknownType = content.clone();
        unknownType[1] = 3;
        assertThrows(MalformedEncodingException.class, () -> ConversationContent.fromBytes(unknownType));
        byte[] hugeCredential = content.clone();
        hugeCredential[2 + 37] = (byte) 0xff; // credential length high byte
        assertThrows(MalformedEncodingException.class, () -> ConversationContent.fromBytes(hugeCredential));
        assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(new byte[0]));
        assertTrue(ConversationContent.fromBytes(content).isFirstContact());
    }

    @Test
    void credentialsAndConversationsKeepSecretsOutOfToString() {
        Conversation.Started started = Conversation.start(alice, bundle(bobAccount), aliceCredential, text("hi"), TestPki.NOW, random);

        assertFalse(aliceCredential.toString().contains(HexFormat.of().formatHex(aliceCredential.toBytes())));
        assertFalse(started.conversation().toString().contains(HexFormat.of().formatHex(aliceAccount.preKey.privateBytes(InsecureSecretKeyAccess.get()))));
        assertTrue(alice.toString().contains("redacted"));
    }

    private OpenedEnvelope open(LocalAccount recipient, SealedEnvelope envelope) throws Exception {
        return SealedEnvelope.fromBytes(envelope.toBytes()).open(recipient.recipient(), pki.verifier(), TestPki.NOW);
    }

    private VerifiedKeyBundle bundle(TestPki.Account account) {
        try {
            return account.bundle.verify(pki.verifier(), TestPki.NOW);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static LocalAccount local(TestPki.Account account) {
        try {
            return LocalAccount.of(account.number, account.identity, account.certificate, account.envelopeKey, 7, account.preKey);
        } catch (MalformedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /** A member key of a fresh group; {@code member} tells the two sides' credentials apart. */
    private static MemberCredential credential(int member) {
        return GroupManagerKey.generate(member + 1).mintMember(member);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
