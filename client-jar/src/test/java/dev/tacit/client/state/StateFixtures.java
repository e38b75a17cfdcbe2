package dev.tacit.client.state;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.tacit.client.registration.SentCode;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.TestPki;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.Token;

/** One record of each kind this library writes, made from real keys, for the state's tests. */
final class StateFixtures {

    static final SecureRandom RANDOM = new SecureRandom();
    /** Argon2id cheap enough for tests; the parameters are stored per file, so opening needs nothing else. */
    static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);

    final TestPki pki = new TestPki(RANDOM);
    final TestPki.Account alice = pki.register("+4915100000001");
    final TestPki.Account bob = pki.register("+4915100000002");
    final GroupManagerKey aliceGroup = GroupManagerKey.generate(4);
    final GroupManagerKey bobGroup = GroupManagerKey.generate(4);

    ServerRecord server() {
        return new ServerRecord(URI.create("https://tacit.example"), UUID.fromString("5f0c3e0a-8f43-4f87-9d59-3c1f6a2b7d10"));
    }

    AccountRecord account() {
        return AccountRecord.of(alice.number, alice.identity, alice.certificate, 1, alice.envelopeKey, 7, alice.preKey,
                aliceGroup);
    }

    PinnedCaRecord pinnedCa() {
        return new PinnedCaRecord(pki.ca().certificate());
    }

    /** A token of the right format (its authenticator is not checked by the store). */
    static Token token(int seed) {
        byte[] encoded = new byte[Token.LENGTH];
        for (int i = 2; i < encoded.length; i++) {
            encoded[i] = (byte) (seed * 31 + i);
        }
        encoded[1] = 2; // token_type 0x0002
        try {
            return Token.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    static SentCode sentCode() {
        return new SentCode("+1 415 555 0100", "AgABAgMEBQYH.tddb1ri8", Instant.parse("2026-11-25T09:10:00Z"));
    }

    /** The week from 2025-12-04, its allowance spent. */
    static DiscoveryAllowanceRecord discoveryAllowance() {
        return new DiscoveryAllowanceRecord(new DiscoveryWindow(Instant.parse("2025-12-04T00:00:00Z"),
                Duration.ofDays(7)), true);
    }

    ContactRecord contact() {
        return new ContactRecord(bob.number, bob.identity.publicKey(), Optional.of(bob.bundle),
                Optional.of(bobGroup.mintMember(2)));
    }

    /** Alice's first contact to Bob, released by Bob, and the handle of Bob's first contact to her, planned. */
    static SentTokenRecord sentToken() {
        return new SentTokenRecord(token(5), dev.tacit.client.messages.TokenState.RELEASED);
    }

    HeldTokenRecord heldToken() {
        return new HeldTokenRecord("AAECAwQFBgcICQoLDA0ODw", bob.number, Optional.of(Instant.parse("2026-12-01T10:00:00Z")));
    }

    ConversationRecord conversation() throws Exception {
        LocalAccount me = LocalAccount.of(alice.number, alice.identity, alice.certificate, alice.envelopeKey, 7,
                alice.preKey);
        Conversation.Started started = Conversation.start(me, bob.bundle.verify(pki.verifier(), TestPki.NOW),
                aliceGroup.mintMember(1), "hi Bob".getBytes(java.nio.charset.StandardCharsets.UTF_8), TestPki.NOW,
                RANDOM);
        return ConversationRecord.of(started.conversation());
    }
}
