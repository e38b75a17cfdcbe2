package dev.tacit.crypto.ratchet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.TestPki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatchetSessionTest {

    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki(random);
    private final TestPki.Account aliceAccount = pki.register("+4915100000001");
    private final TestPki.Account bobAccount = pki.register("+4915100000002");
    private RatchetSession alice;
    private RatchetSession bob;

    @BeforeEach
    void startSession() throws Exception {
        RatchetSession.Initiated initiated = RatchetSession.initiate(aliceAccount.identity.publicKey(),
                bobAccount.bundle.verify(pki.verifier(), TestPki.NOW), random);
        alice = initiated.session();
        bob = RatchetSession.accept(bobAccount.identity.publicKey(), 7, bobAccount.preKey, aliceAccount.identity.publicKey(),
                SessionInitiation.fromBytes(initiated.initiation().toBytes()), random);
    }

    @Test
    void alternatingConversationDecryptsOnBothSides() throws Exception {
        assertFalse(bob.canSend());
        for (int round = 0; round < 5; round++) {
            assertArrayEquals(text("a" + round), bob.decrypt(alice.encrypt(text("a" + round))));
            assertArrayEquals(text("b" + round), alice.decrypt(bob.encrypt(text("b" + round))));
        }
        assertEquals(aliceAccount.identity.publicKey(), bob.peerIdentity());
        assertEquals(bobAccount.identity.publicKey(), alice.peerIdentity());
    }

    @Test
    void shuffledMessagesAcrossSeveralRatchetStepsAllDecrypt() throws Exception {
        bob.decrypt(alice.encrypt(text("hello")));
        List<Sent> toBob = new ArrayList<>();
        List<Sent> toAlice = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            for (int i = 0; i < 6; i++) {
                toBob.add(send(alice, "a" + batch + "/" + i));
                toAlice.add(send(bob, "b" + batch + "/" + i));
            }
            // One message each way is delivered in order so both sides take a DH ratchet step per batch.
            deliver(bob, toBob.remove(0));
            deliver(alice, toAlice.remove(0));
        }
        Collections.shuffle(toBob, new Random(1));
        Collections.shuffle(toAlice, new Random(2));

        for (Sent sent : toBob) {
            deliver(bob, sent);
        }
        for (Sent sent : toAlice) {
            deliver(alice, sent);
        }
        assertEquals(0, bob.storedSkippedKeys());
        assertEquals(0, alice.storedSkippedKeys());
    }

    @Test
    void droppedMessagesDoNotStopTheConversation() throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(send(alice, "m" + i));
        }
        for (int i = 0; i < 10; i += 3) {
            deliver(bob, sent.get(i));
        }
        deliver(alice, send(bob, "reply"));
        deliver(bob, send(alice, "after reply"));

        assertEquals(6, bob.storedSkippedKeys());
    }

    @Test
    void duplicateIsRejectedAsReplayAndLeavesTheSessionIntact() throws Exception {
        RatchetMessage first = alice.encrypt(text("once"));
        bob.decrypt(first);

        assertThrows(ReplayedMessageException.class, () -> bob.decrypt(first));
        assertArrayEquals(text("next"), bob.decrypt(alice.encrypt(text("next"))));
    }

    @Test
    void replayOfASkippedThenDeliveredMessageIsRejected() throws Exception {
        RatchetMessage late = alice.encrypt(text("late"));
        bob.decrypt(alice.encrypt(text("early")));
        bob.decrypt(late);

        assertThrows(ReplayedMessageException.class, () -> bob.decrypt(late));
    }

    @Test
    void replayFromAnEarlierChainIsRejectedAfterTheRatchetMoved() throws Exception {
        RatchetMessage old = alice.encrypt(text("old"));
        bob.decrypt(old);
        alice.decrypt(bob.encrypt(text("reply")));
        bob.decrypt(alice.encrypt(text("new chain")));

        assertThrows(ReplayedMessageException.class, () -> bob.decrypt(old));
    }

    @Test
    void tamperedMessageIsRejectedWithoutChangingTheSession() throws Exception {
        byte[] wire = alice.encrypt(text("genuine")).toBytes();
        byte[] tampered = wire.clone();
        tampered[tampered.length - 1] ^= 1;
        byte[] before = bob.toBytes();

        assertThrows(UndecryptableMessageException.class, () -> bob.decrypt(RatchetMessage.fromBytes(tampered)));
        assertArrayEquals(before, bob.toBytes());
        assertArrayEquals(text("genuine"), bob.decrypt(RatchetMessage.fromBytes(wire)));
    }

    @Test
    void forgedRatchetKeyIsRejectedWithoutChangingTheSession() throws Exception {
        bob.decrypt(alice.encrypt(text("hi")));
        byte[] wire = alice.encrypt(text("x")).toBytes();
        wire[5] ^= 1; // inside the ratchet key: looks like a new DH ratchet step
        byte[] before = bob.toBytes();

        assertThrows(UndecryptableMessageException.class, () -> bob.decrypt(RatchetMessage.fromBytes(wire)));
        assertArrayEquals(before, bob.toBytes());
    }

    @Test
    void messageSkippingTooManyKeysIsRejected() throws Exception {
        for (int i = 0; i <= RatchetSession.MAX_SKIP; i++) {
            alice.encrypt(text("lost"));
        }
        RatchetMessage tooFar = alice.encrypt(text("too far"));

        assertThrows(TooManySkippedMessagesException.class, () -> bob.decrypt(tooFar));
    }

    @Test
    void skippedKeyStoreIsBounded() throws Exception {
        RatchetMessage first = alice.encrypt(text("first"));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < RatchetSession.MAX_SKIP - 1; i++) {
                alice.encrypt(text("lost"));
            }
            bob.decrypt(alice.encrypt(text("arrives")));
        }

        assertEquals(RatchetSession.MAX_STORED_SKIPPED_KEYS, bob.storedSkippedKeys());
        assertThrows(ReplayedMessageException.class, () -> bob.decrypt(first), "its key was evicted");
    }

    @Test
    void restoredSessionContinuesExactlyWhereItStopped() throws Exception {
        bob.decrypt(alice.encrypt(text("1")));
        RatchetMessage delayed = alice.encrypt(text("2"));
        bob.decrypt(alice.encrypt(text("3")));

        RatchetSession restoredBob = RatchetSession.fromBytes(bob.toBytes(), random);
        RatchetSession restoredAlice = RatchetSession.fromBytes(alice.toBytes(), random);

        assertArrayEquals(text("2"), restoredBob.decrypt(delayed));
        assertArrayEquals(text("4"), restoredAlice.decrypt(restoredBob.encrypt(text("4"))));
        assertArrayEquals(restoredBob.toBytes(), RatchetSession.fromBytes(restoredBob.toBytes(), random).toBytes());
    }

    @Test
    void sessionStateDecodingIsStrict() {
        byte[] state = bob.toBytes();

        assertThrows(MalformedEncodingException.class, () -> RatchetSession.fromBytes(Arrays.copyOf(state, state.length + 1), random));
        assertThrows(MalformedEncodingException.class, () -> RatchetSession.fromBytes(Arrays.copyOf(state, state.length - 1), random));
    }

    @Test
    void secrecyRecoversOnceTheVictimHasRatchetedWithAFreshKey() throws Exception {
        bob.decrypt(alice.encrypt(text("hi")));
        // The attacker copies Bob's whole state, then follows every message Alice sends him.
        RatchetSession stolen = RatchetSession.fromBytes(bob.toBytes(), random);

        assertArrayEquals(text("a1"), stolen.decrypt(deliverTo(bob, alice.encrypt(text("a1")))), "the theft is real");
        alice.decrypt(bob.encrypt(text("b1"))); // still under the ratchet key the attacker stole
        assertArrayEquals(text("a2"), stolen.decrypt(deliverTo(bob, alice.encrypt(text("a2")))), "the stolen key still works");

        alice.decrypt(bob.encrypt(text("b2"))); // Bob's fresh ratchet key, generated after the theft
        RatchetMessage healed = deliverTo(bob, alice.encrypt(text("a3")));

        assertThrows(UndecryptableMessageException.class, () -> stolen.decrypt(healed));
    }

    private static RatchetMessage deliverTo(RatchetSession recipient, RatchetMessage message) throws Exception {
        recipient.decrypt(message);
        return message;
    }

    @Test
    void initiationForAnotherPreKeyIsRejected() throws Exception {
        RatchetSession.Initiated initiated = RatchetSession.initiate(aliceAccount.identity.publicKey(),
                bobAccount.bundle.verify(pki.verifier(), TestPki.NOW), random);

        assertThrows(UnknownPreKeyException.class, () -> RatchetSession.accept(bobAccount.identity.publicKey(), 8,
                bobAccount.preKey, aliceAccount.identity.publicKey(), initiated.initiation(), random));
    }

    @Test
    void sessionBoundToAnotherPeerIdentityCannotDecrypt() throws Exception {
        RatchetSession.Initiated initiated = RatchetSession.initiate(aliceAccount.identity.publicKey(),
                bobAccount.bundle.verify(pki.verifier(), TestPki.NOW), random);
        RatchetSession misattributed = RatchetSession.accept(bobAccount.identity.publicKey(), 7, bobAccount.preKey,
                pki.register("+4915100000009").identity.publicKey(), initiated.initiation(), random);

        assertThrows(UndecryptableMessageException.class, () -> misattributed.decrypt(initiated.session().encrypt(text("x"))));
    }

    @Test
    void malformedMessagesAreRejected() {
        byte[] wire = alice.encrypt(text("x")).toBytes();

        assertThrows(MalformedEncodingException.class, () -> RatchetMessage.fromBytes(Arrays.copyOf(wire, 1 + 40 + 15)));
        byte[] wrongVersion = wire.clone();
        wrongVersion[0] = 9;
        assertThrows(MalformedEncodingException.class, () -> RatchetMessage.fromBytes(wrongVersion));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String state = HexFormat.of().formatHex(bob.toBytes());
        String shown = bob.toString();

        assertTrue(shown.contains("redacted"));
        for (int offset = 66; offset + 16 <= state.length(); offset += 16) {
            assertFalse(shown.contains(state.substring(offset, offset + 16)));
        }
    }

    @Test
    void responderCannotSendFirst() {
        assertThrows(IllegalStateException.class, () -> bob.encrypt(text("too early")));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Sent send(RatchetSession from, String plaintext) {
        return new Sent(plaintext, from.encrypt(text(plaintext)).toBytes());
    }

    private static void deliver(RatchetSession to, Sent sent) throws Exception {
        assertArrayEquals(text(sent.plaintext), to.decrypt(RatchetMessage.fromBytes(sent.wire)), sent.plaintext);
    }

    private static final class Sent {
        final String plaintext;
        final byte[] wire;

        Sent(String plaintext, byte[] wire) {
            this.plaintext = plaintext;
            this.wire = wire;
        }
    }
}
