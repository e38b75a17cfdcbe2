package dev.tacit.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MailboxPage;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.messages.TokenSpentException;
import dev.tacit.client.messages.TokenState;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messaging through the client library against the real server (docs/protocol.md §4.12–§4.18): first contacts paid
 * with tokens, group-signed replies, mailboxes, release and refresh, and the refusals.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    /**
     * Issue 19's three clients: A first-contacts B with a token; B opens it, verifies A's certificate, replies with
     * a group signature; A and B exchange further messages without tokens; B releases A's token and A refreshes it;
     * A first-contacts C, who never releases; after five unreleased first contacts A cannot first-contact anyone,
     * while replies still work. Then the privacy audit over the database and the server log.
     */
    @Test
    void threeClientsFirstContactRepliesReleaseRefreshAndTheTokenLimit() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Party carol = Party.register(numbers.next());

        // A first-contacts B, paying with a token.
        Token firstToken = alice.account.tokens().get(0);
        MemberCredential aliceCredentialForBob = alice.nextCredential();
        VerifiedKeyBundle bobsBundle = alice.lookUp(bob);
        Conversation aliceWithBob = alice.messaging.startConversation(alice.local, bobsBundle, aliceCredentialForBob,
                text("Hello Bob"), alice.wallet, ServerClock.instant(), TestAccounts.RANDOM);
        assertEquals(List.of(firstToken), alice.wallet.spent(), "the wallet's first token paid");

        // B opens it, verifying A's certificate against the pinned CA.
        List<PendingMessage> bobInbox = bob.receiveAll();
        assertEquals(1, bobInbox.size());
        assertTrue(bobInbox.get(0).isFirstContact());
        OpenedEnvelope opened = open(bob, bobInbox.get(0));
        assertEquals(alice.number, opened.sender().phoneNumber(), "the certified sender");
        Conversation.Received received = Conversation.accept(bob.local, opened, bob.nextCredential(),
                new AcceptedInitiations(), TestAccounts.RANDOM);
        assertArrayEquals(text("Hello Bob"), received.text());
        assertEquals(aliceCredentialForBob, received.peerCredential());
        Conversation bobWithAlice = received.conversation();

        // B replies with a group signature from A's credential: no token.
        VerifiedKeyBundle alicesBundle = bob.lookUp(alice);
        bob.messaging.reply(bobWithAlice, bob.local, alicesBundle, received.peerCredential(), text("Hi Alice"),
                ServerClock.instant(), TestAccounts.RANDOM);
        List<PendingMessage> aliceInbox = alice.receiveAll();
        assertEquals(1, aliceInbox.size());
        assertTrue(aliceInbox.get(0).tokenHandle().isEmpty(), "a reply carries no token handle");
        Conversation.Message bobsMessage = aliceWithBob.receive(open(alice, aliceInbox.get(0)));
        assertArrayEquals(text("Hi Alice"), bobsMessage.text());
        MemberCredential bobCredentialForAlice = bobsMessage.peerCredential().orElseThrow();

        // Further messages both ways, without tokens.
        for (int i = 0; i < 2; i++) {
            SealedEnvelope fromAlice = aliceWithBob.send(alice.local, bobsBundle, text("A" + i), ServerClock.instant(),
                    TestAccounts.RANDOM);
            alice.messaging.sendReply(bob.number, fromAlice, bobCredentialForAlice, ServerClock.instant());
            SealedEnvelope fromBob = bobWithAlice.send(bob.local, alicesBundle, text("B" + i), ServerClock.instant(),
                    TestAccounts.RANDOM);
            bob.messaging.sendReply(alice.number, fromBob, aliceCredentialForBob, ServerClock.instant());
        }
        assertEquals(List.of("A0", "A1"), texts(bob, bobWithAlice, bob.receiveAll()));
        assertEquals(List.of("B0", "B1"), texts(alice, aliceWithBob, alice.receiveAll()));
        assertEquals(4, alice.wallet.unspentCount(), "replies cost no token");

        // B releases A's token; A sees it released and exchanges it for a fresh one.
        assertEquals(TokenState.ATTACHED, alice.messaging.tokenState(firstToken));
        bob.mailbox.release(bobInbox.get(0).tokenHandle().orElseThrow(), MailboxClient.ReleaseTime.NOW);
        assertEquals(TokenState.RELEASED, alice.messaging.tokenState(firstToken));
        Token refreshed = alice.messaging.refresh(firstToken, TestAccounts.client().currentIssuerKey(ServerClock.instant()),
                TestAccounts.challenge(), TestAccounts.RANDOM);
        alice.wallet.refreshed(firstToken, refreshed);
        assertEquals(TokenState.REFRESHED, alice.messaging.tokenState(firstToken));
        assertEquals(TokenState.UNKNOWN, alice.messaging.tokenState(refreshed), "the new token was never spent");
        assertEquals(5, alice.wallet.unspentCount());
        ProblemResponseException again = assertThrows(ProblemResponseException.class, () -> alice.messaging.refresh(
                firstToken, TestAccounts.client().currentIssuerKey(ServerClock.instant()), TestAccounts.challenge(),
                TestAccounts.RANDOM));
        assertEquals(409, again.status());
        assertEquals("urn:tacit:problem:token-not-refreshable", again.type());
        assertEquals(Optional.of("refreshed"), again.member("tokenState"));
        TokenSpentException reused = assertThrows(TokenSpentException.class,
                () -> alice.messaging.sendFirstContact(carol.number, firstContact(alice, carol), firstToken));
        assertEquals(TokenState.REFRESHED, reused.state(), "a released token is exchanged, never spent again");

        // A first-contacts C five times; C never releases. Then A is out of tokens; replies still work.
        VerifiedKeyBundle carolsBundle = alice.lookUp(carol);
        for (int i = 0; i < 5; i++) {
            alice.messaging.startConversation(alice.local, carolsBundle, alice.nextCredential(), text("Hello Carol"),
                    alice.wallet, ServerClock.instant(), TestAccounts.RANDOM);
        }
        assertThrows(OutOfTokensException.class, () -> alice.messaging.startConversation(alice.local, carolsBundle,
                alice.nextCredential(), text("once more"), alice.wallet, ServerClock.instant(), TestAccounts.RANDOM));
        SealedEnvelope stillReplying = aliceWithBob.send(alice.local, bobsBundle, text("still here"),
                ServerClock.instant(), TestAccounts.RANDOM);
        alice.messaging.sendReply(bob.number, stillReplying, bobCredentialForAlice, ServerClock.instant());
        assertEquals(List.of("still here"), texts(bob, bobWithAlice, bob.receiveAll()));
        assertEquals(5, carol.mailbox.listAll().size());

        MessagingPrivacyAudit.assertNothingJoins(alice, List.of(bob, carol));
    }

    /** 100 concurrent sends of one token: PostgreSQL admits exactly one, checked in the database. */
    @Test
    void aHundredConcurrentSendsOfOneTokenAreAcceptedOnce() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Token token = alice.wallet.take();
        String body = sendBody(bob.number, firstContact(alice, bob), token);

        ExecutorService threads = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                statuses.add(threads.submit(() -> {
                    start.await();
                    return post(body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertEquals(1, answered.stream().filter(status -> status == 202).count(), answered.toString());
            assertEquals(99, answered.stream().filter(status -> status == 409).count(), answered.toString());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM tacit.first_contact_token WHERE nonce = ?", token.nonce()));
        assertEquals(1, count("SELECT count(*) FROM tacit.message WHERE recipient = ?", bob.number.e164()));
    }

    @Test
    void anAcceptedTokenOrSignedReplyIsRefusedWhenSentAgain() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        String firstContact = sendBody(bob.number, firstContact(alice, bob), alice.wallet.take());
        assertEquals(202, post(firstContact).statusCode());

        HttpResponse<String> resent = post(firstContact);

        assertEquals(409, resent.statusCode(), resent.body());
        assertEquals("urn:tacit:problem:token-already-spent", TacitHttp.json(resent).getString("type"));
        assertEquals("attached", TacitHttp.json(resent).getString("tokenState"));

        MemberCredential bobsMember = bob.nextCredential();
        SealedEnvelope envelope = firstContact(alice, bob); // any envelope sealed to Bob will do for the server
        String reply = replyBody(bob.number, envelope, bobsMember, ServerClock.instant());
        assertEquals(202, post(reply).statusCode());

        HttpResponse<String> replayed = post(reply);

        assertEquals(409, replayed.statusCode(), replayed.body());
        assertEquals("urn:tacit:problem:reply-replayed", TacitHttp.json(replayed).getString("type"));
        assertEquals(2, count("SELECT count(*) FROM tacit.message WHERE recipient = ?", bob.number.e164()));
    }

    @Test
    void aSignatureByAMemberOfAnotherAccountsGroupIsRefused() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());

        HttpResponse<String> refused = post(replyBody(bob.number, firstContact(alice, bob), alice.nextCredential(),
                ServerClock.instant()));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("urn:tacit:problem:invalid-reply-signature", TacitHttp.json(refused).getString("type"));
        assertEquals(0, count("SELECT count(*) FROM tacit.message WHERE recipient = ?", bob.number.e164()));
    }

    /** The freshness window (§4.12, 5 minutes by default), crossed by moving the server's clock. */
    @Test
    void aReplyIsRefusedOnceItsTimestampIsNoLongerFresh() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Instant signedAt = ServerClock.instant();
        String withinTheWindow = replyBody(bob.number, firstContact(alice, bob), bob.nextCredential(), signedAt);
        String pastTheWindow = replyBody(bob.number, firstContact(alice, bob), bob.nextCredential(), signedAt);

        ServerClock.advance(Duration.ofMinutes(4));
        assertEquals(202, post(withinTheWindow).statusCode());
        ServerClock.advance(Duration.ofMinutes(2));
        HttpResponse<String> stale = post(pastTheWindow);

        assertEquals(400, stale.statusCode(), stale.body());
        assertEquals("urn:tacit:problem:invalid-reply-signature", TacitHttp.json(stale).getString("type"));
        HttpResponse<String> fromTheFuture = post(replyBody(bob.number, firstContact(alice, bob), bob.nextCredential(),
                ServerClock.instant().plus(Duration.ofMinutes(6))));
        assertEquals(400, fromTheFuture.statusCode(), fromTheFuture.body());
    }

    @Test
    void onlyTheRecipientReleasesOrReportsAToken() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Token spam = alice.wallet.take();
        Token welcome = alice.wallet.take();
        alice.messaging.sendFirstContact(bob.number, firstContact(alice, bob), spam);
        alice.messaging.sendFirstContact(bob.number, firstContact(alice, bob), welcome);
        List<PendingMessage> inbox = bob.mailbox.listAll();
        String spamHandle = inbox.get(0).tokenHandle().orElseThrow();
        String welcomeHandle = inbox.get(1).tokenHandle().orElseThrow();

        for (String handle : List.of(spamHandle, welcomeHandle, "AAAAAAAAAAAAAAAAAAAAAA", "not-a-handle")) {
            ProblemResponseException release = assertThrows(ProblemResponseException.class,
                    () -> alice.mailbox.release(handle, MailboxClient.ReleaseTime.NOW));
            assertEquals("urn:tacit:problem:unknown-token-handle", release.type());
            ProblemResponseException report = assertThrows(ProblemResponseException.class,
                    () -> alice.mailbox.reportSpam(handle));
            assertEquals(404, report.status());
        }
        assertEquals(TokenState.ATTACHED, alice.messaging.tokenState(spam), "nothing changed");

        bob.mailbox.reportSpam(spamHandle);
        Instant due = bob.mailbox.release(welcomeHandle, MailboxClient.ReleaseTime.LATER);

        assertEquals(TokenState.BURNED, alice.messaging.tokenState(spam));
        assertEquals(TokenState.RELEASING, alice.messaging.tokenState(welcome));
        assertTrue(!due.isBefore(ServerClock.instant().plus(Duration.ofMinutes(59)))
                && !due.isAfter(ServerClock.instant().plus(Duration.ofHours(24))), "within the release window: " + due);
        assertThrows(ProblemResponseException.class, () -> bob.mailbox.reportSpam(spamHandle), "burned once");
        bob.mailbox.release(welcomeHandle, MailboxClient.ReleaseTime.NOW);
        assertEquals(TokenState.RELEASED, alice.messaging.tokenState(welcome), "now overrides a later release");
    }

    @Test
    void aMailboxIsPagedAndAMessageIsGoneOnceAcknowledged() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        MemberCredential bobsMember = bob.nextCredential();
        for (int i = 0; i < 5; i++) {
            assertEquals(202, post(replyBody(bob.number, firstContact(alice, bob), bobsMember,
                    ServerClock.instant())).statusCode());
        }

        MailboxPage first = bob.mailbox.list(Optional.empty(), 2);
        MailboxPage second = bob.mailbox.list(first.next(), 2);
        MailboxPage third = bob.mailbox.list(second.next(), 2);

        assertEquals(2, first.messages().size());
        assertEquals(2, second.messages().size());
        assertEquals(1, third.messages().size());
        assertEquals(Optional.empty(), third.next());
        bob.mailbox.acknowledge(first.messages().get(0).id());
        assertEquals(4, bob.mailbox.listAll().size());
        ProblemResponseException twice = assertThrows(ProblemResponseException.class,
                () -> bob.mailbox.acknowledge(first.messages().get(0).id()));
        assertEquals("urn:tacit:problem:unknown-message", twice.type());
        ProblemResponseException notHers = assertThrows(ProblemResponseException.class,
                () -> alice.mailbox.acknowledge(first.messages().get(1).id()));
        assertEquals(404, notHers.status());
        assertEquals(4, bob.mailbox.listAll().size(), "nothing changed");
        for (int badLimit : new int[] {0, 101}) {
            ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                    () -> bob.mailbox.list(Optional.empty(), badLimit));
            assertEquals("urn:tacit:problem:invalid-message-request", refused.type());
            assertEquals(Optional.of("limit"), refused.field());
        }
        ProblemResponseException badCursor = assertThrows(ProblemResponseException.class,
                () -> bob.mailbox.list(Optional.of("bm90LWEtY3Vyc29y"), 2));
        assertEquals(Optional.of("cursor"), badCursor.field());
    }

    @Test
    void aFirstContactToANumberWithoutAnAccountSpendsItsToken() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Token token = alice.wallet.take();
        PhoneNumber nobody = PhoneNumber.of(numbers.next());

        assertThrows(RecipientNotRegisteredException.class,
                () -> alice.messaging.sendFirstContact(nobody, firstContact(alice, bob), token));

        assertEquals(TokenState.BURNED, alice.messaging.tokenState(token));
    }

    @Test
    void anEnvelopeOverTheLargestBucketIsRefusedWith413AndOtherLengthsWith400() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        byte[] valid = firstContact(alice, bob).toBytes();
        byte[] oversized = Arrays.copyOf(valid, SealedEnvelope.MAX_LENGTH + 1);
        byte[] notABucket = Arrays.copyOf(valid, valid.length + 1);
        Token token = alice.wallet.take();

        HttpResponse<String> tooLarge = post(body(bob.number, oversized, token));
        HttpResponse<String> malformed = post(body(bob.number, notABucket, token));

        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("urn:tacit:problem:content-too-large", TacitHttp.json(tooLarge).getString("type"));
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("urn:tacit:problem:invalid-message-request", TacitHttp.json(malformed).getString("type"));
        assertEquals("envelope", TacitHttp.json(malformed).getString("field"));
        assertEquals(TokenState.UNKNOWN, alice.messaging.tokenState(token), "nothing was spent");
    }

    @Test
    void aTokenForAnotherChallengeOrWithBothAuthorisationsIsRefused() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Token token = alice.wallet.take();
        byte[] forged = token.encode();
        forged[forged.length - 1] ^= 1;
        byte[] otherChallenge = token.encode();
        otherChallenge[40] ^= 1; // inside challenge_digest

        for (byte[] bad : List.of(forged, otherChallenge)) {
            HttpResponse<String> refused = post(Json.createObjectBuilder().add("recipient", bob.number.e164())
                    .add("envelope", Base64Url.encode(firstContact(alice, bob).toBytes()))
                    .add("token", Base64Url.encode(bad)).build().toString());
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("urn:tacit:problem:invalid-token", TacitHttp.json(refused).getString("type"));
        }
        HttpResponse<String> both = post(Json.createObjectBuilder().add("recipient", bob.number.e164())
                .add("envelope", Base64Url.encode(firstContact(alice, bob).toBytes()))
                .add("token", Base64Url.encode(token.encode()))
                .add("groupSignature", "AAAA").add("timestamp", 1).build().toString());
        assertEquals(400, both.statusCode(), both.body());
        assertEquals("urn:tacit:problem:invalid-message-request", TacitHttp.json(both).getString("type"));
        assertEquals(TokenState.UNKNOWN, alice.messaging.tokenState(token));
    }

    /** A discovery token is blind-signed by the server too, but for the discovery challenge: refused here. */
    @Test
    void aDiscoveryTokenDoesNotPayForAFirstContact() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        Token discoveryToken = TestDiscovery.tokens(alice.account, 1).get(0);

        HttpResponse<String> refused = post(sendBody(bob.number, firstContact(alice, bob), discoveryToken));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("urn:tacit:problem:invalid-token", TacitHttp.json(refused).getString("type"));
        assertEquals(0, count("SELECT count(*) FROM tacit.message WHERE recipient = ?", bob.number.e164()));
    }

    private static SealedEnvelope firstContact(Party from, Party to) throws Exception {
        return Conversation.start(from.local, to.bundle(), from.nextCredential(), text("hello"), ServerClock.instant(),
                TestAccounts.RANDOM).envelope();
    }

    private static OpenedEnvelope open(Party recipient, PendingMessage message) throws Exception {
        return MailboxClient.open(message, recipient.local, TestAccounts.pinnedCa(), ServerClock.instant());
    }

    private static List<String> texts(Party recipient, Conversation conversation, List<PendingMessage> messages)
            throws Exception {
        List<String> texts = new ArrayList<>();
        for (PendingMessage message : messages) {
            texts.add(new String(conversation.receive(open(recipient, message)).text(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sendBody(PhoneNumber recipient, SealedEnvelope envelope, Token token) {
        return body(recipient, envelope.toBytes(), token);
    }

    private static String body(PhoneNumber recipient, byte[] envelope, Token token) {
        return Json.createObjectBuilder().add("recipient", recipient.e164()).add("envelope", Base64Url.encode(envelope))
                .add("token", Base64Url.encode(token.encode())).build().toString();
    }

    private static String replyBody(PhoneNumber recipient, SealedEnvelope envelope, MemberCredential credential,
                                    Instant signedAt) {
        return MessagingRequests.reply(recipient, envelope, credential, signedAt).toString();
    }

    private static HttpResponse<String> post(String body) {
        return TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static long count(String query, Object parameter) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
