package dev.tacit.client.messages;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tacit.client.LoopbackServer;
import dev.tacit.client.LoopbackServer.Answer;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.group.MemberRevokedException;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messaging calls against a loopback HTTP server: what they send (docs/protocol.md §4.12–§4.18), and the typed
 * errors they turn the server's problems into.
 */
class MessagingClientsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ProtocolDocumentExamples DOCUMENT = ProtocolDocumentExamples.load();

    private LoopbackServer server;
    private LoopbackSocksProxy proxy;
    private MessagingClient messaging;
    private MailboxClient mailbox;
    private PhoneNumber bob;
    private IdentityKeyPair bobsKey;

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackServer.start();
        proxy = LoopbackSocksProxy.start();
        messaging = new MessagingClient(AnonymousTransport.through(proxy.address(), server.origin()));
        bob = PhoneNumber.of("+4915100000002");
        bobsKey = IdentityKeyPair.generate(RANDOM);
        mailbox = new MailboxClient(server.direct(), bob, bobsKey, Clock.systemUTC(), RANDOM);
    }

    @AfterEach
    void stopServer() throws IOException {
        proxy.close();
        server.close();
    }

    /** The document's worked send request (§4.12) is exactly what the client sends. */
    @Test
    void aFirstContactSendsTheDocumentsBody() throws Exception {
        server.answer(Answer.json(202, "{\"id\":\"AAECAwQFBgcICQoLDA0ODw\"}"));

        String id = messaging.sendFirstContact(bob, envelope(),
                Token.decode(Hex.decode(DOCUMENT.field("first-contact-send", "token"))));

        assertEquals("AAECAwQFBgcICQoLDA0ODw", id);
        assertEquals("POST", server.received().method());
        assertEquals("/v1/messages", server.received().path());
        assertEquals(DOCUMENT.field("first-contact-send", "body"), new String(server.received().body()));
        assertFalse(server.received().headers().containsKey("Signature"), "sends are anonymous");
        assertEquals(1, proxy.connections().size(), "through the anonymous transport");
    }

    @Test
    void aSpentTokenAndAnUnknownRecipientAreTyped() throws Exception {
        Token token = Token.decode(Hex.decode(DOCUMENT.field("first-contact-send", "token")));
        server.answer(Answer.json(409, "{\"type\":\"urn:tacit:problem:token-already-spent\",\"title\":\"Token already spent\","
                + "\"status\":409,\"tokenState\":\"released\"}"));

        TokenSpentException spent = assertThrows(TokenSpentException.class,
                () -> messaging.sendFirstContact(bob, envelope(), token));

        assertEquals(TokenState.RELEASED, spent.state());
        server.answer(Answer.json(404, "{\"type\":\"urn:tacit:problem:unknown-recipient\",\"status\":404}"));
        assertThrows(RecipientNotRegisteredException.class, () -> messaging.sendFirstContact(bob, envelope(), token));
        server.answer(Answer.json(400, "{\"type\":\"urn:tacit:problem:invalid-token\",\"status\":400}"));
        ProblemResponseException other = assertThrows(ProblemResponseException.class,
                () -> messaging.sendFirstContact(bob, envelope(), token));
        assertEquals("urn:tacit:problem:invalid-token", other.type());
    }

    @Test
    void aMailboxPageIsReadWithItsTokenHandlesAndTheNextCursor() throws Exception {
        String envelope = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(envelope().toBytes());
        server.answer(Answer.json(200, "{\"messages\":[{\"id\":\"AQ\",\"receivedAt\":\"2026-12-01T09:00:00Z\","
                + "\"envelope\":\"" + envelope + "\",\"authorisation\":\"first-contact\",\"tokenHandle\":\"Ag\"},"
                + "{\"id\":\"Aw\",\"receivedAt\":\"2026-12-01T09:00:01Z\",\"envelope\":\"" + envelope + "\","
                + "\"authorisation\":\"group-signature\"}],\"next\":\"BA\"}"));

        MailboxPage page = mailbox.list(Optional.of("Aw"), 2);

        assertEquals("/v1/account/messages?limit=2&cursor=Aw", server.received().path());
        server.received().verifySignature(server.origin(), bob, bobsKey.publicKey());
        assertEquals(List.of("AQ", "Aw"), page.messages().stream().map(PendingMessage::id).toList());
        assertTrue(page.messages().get(0).isFirstContact());
        assertEquals(Optional.of("Ag"), page.messages().get(0).tokenHandle());
        assertFalse(page.messages().get(1).isFirstContact());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), page.messages().get(0).receivedAt());
        assertEquals(Optional.of("BA"), page.next());
    }

    @Test
    void aReleaseIsSignedAndSaysWhen() throws Exception {
        server.answer(Answer.json(200, "{\"releasesAt\":\"2026-12-01T17:00:00Z\"}"));

        Instant at = mailbox.release("Ag", MailboxClient.ReleaseTime.LATER);

        assertEquals(Instant.parse("2026-12-01T17:00:00Z"), at);
        assertEquals("/v1/account/first-contact-tokens/Ag/release", server.received().path());
        assertEquals("later", server.received().json().getString("at"));
        server.received().verifySignature(server.origin(), bob, bobsKey.publicKey());
    }

    @Test
    void theClientSideReleaseDelayIsDrawnOverItsWholeRange() {
        Duration shortest = MailboxClient.MAX_CLIENT_RELEASE_DELAY;
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration delay = MailboxClient.randomReleaseDelay(RANDOM);
            assertFalse(delay.isNegative());
            assertTrue(delay.compareTo(MailboxClient.MAX_CLIENT_RELEASE_DELAY) < 0);
            shortest = delay.compareTo(shortest) < 0 ? delay : shortest;
            longest = delay.compareTo(longest) > 0 ? delay : longest;
        }
        // 1000 uniform draws over 12 h: the extremes fall within the outer 2 % with probability 1 - 2e-9 each.
        assertTrue(shortest.compareTo(Duration.ofMinutes(15)) < 0, "the shortest " + shortest);
        assertTrue(longest.compareTo(Duration.ofMinutes(12 * 60 - 15)) > 0, "the longest " + longest);
    }

    @Test
    void aPlannedReleaseIsSentWithinTheClientsDelayOfNow() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        MailboxClient.PlannedRelease planned = MailboxClient.planRelease("Ag", now, RANDOM);

        assertEquals("Ag", planned.tokenHandle());
        assertFalse(planned.sendAt().isBefore(now));
        assertTrue(planned.sendAt().isBefore(now.plus(MailboxClient.MAX_CLIENT_RELEASE_DELAY)));
    }

    @Test
    void aWalletRunsOutAndRefreshedTokensComeBack() throws Exception {
        Token first = Token.decode(Hex.decode(DOCUMENT.field("first-contact-send", "token")));
        byte[] other = first.encode();
        other[2] ^= 1; // another nonce
        Token second = Token.decode(other);
        TokenWallet wallet = new TokenWallet(List.of(first));

        assertEquals(first, wallet.take());
        assertThrows(OutOfTokensException.class, wallet::take);
        assertEquals(List.of(first), wallet.spent());
        wallet.refreshed(first, second);
        assertEquals(second, wallet.take());
        assertFalse(wallet.toString().contains(Hex.toHexString(first.nonce())));
    }

    /**
     * §4.30: the request is anonymous and signed by the credential for its own key; the answer's updates bring the
     * credential to the answer's key, and an answer whose updates lead elsewhere is refused as outside the protocol.
     */
    @Test
    void groupKeyUpdatesAreAskedWithASignatureForTheCredentialsKeyAndMustLeadToTheNamedKey() throws Exception {
        GroupManagerKey group = GroupManagerKey.generate(4);
        MemberCredential credential = group.mintMember(1);
        GroupManagerKey.Revocation revocation = group.revoke(2);
        String key = Base64Url.encode(revocation.next().groupPublicKey().toBytes());
        String update = Base64Url.encode(revocation.update().toBytes());
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        server.answer(Answer.json(200, "{\"epoch\":1,\"groupPublicKey\":\"" + key + "\",\"updates\":[\"" + update + "\"]}"));

        MessagingClient.GroupKeyUpdates answer = messaging.groupKeyUpdates(bob, credential, now);

        assertEquals("/v1/group-key-updates", server.received().path());
        assertFalse(server.received().headers().containsKey("Signature"), "anonymous");
        JsonObject request = server.received().json();
        assertEquals(bob.e164(), request.getString("recipient"));
        assertEquals(Base64Url.encode(credential.groupPublicKey().toBytes()), request.getString("groupPublicKey"));
        assertEquals(now.getEpochSecond(), request.getJsonNumber("timestamp").longValue());
        GroupSignatureVerifier.withoutTables(credential.groupPublicKey()).verify(
                GroupSignature.fromBytes(Base64Url.decode(request.getString("groupSignature"))),
                GroupSignedMessage.ofGroupKeyUpdatesRequest(bob, credential.groupPublicKey().toBytes(), now));
        assertEquals(1, answer.epoch());
        assertEquals(revocation.next().groupPublicKey(), answer.applyTo(credential).groupPublicKey());
        assertThrows(MemberRevokedException.class, () -> answer.applyTo(group.mintMember(2)));

        MessagingClient.GroupKeyUpdates elsewhere = new MessagingClient.GroupKeyUpdates(1,
                GroupManagerKey.generate(4).groupPublicKey(), answer.updates());
        assertThrows(ServerUnreachableException.class, () -> elsewhere.applyTo(credential), "another key");
        MessagingClient.GroupKeyUpdates foreign = new MessagingClient.GroupKeyUpdates(1,
                answer.groupPublicKey(), List.of(GroupManagerKey.generate(4).revoke(0).update()));
        assertThrows(ServerUnreachableException.class, () -> foreign.applyTo(credential), "an update of another group");
        server.answer(Answer.json(200, "{\"epoch\":1,\"groupPublicKey\":\"" + key + "\",\"updates\":[\"AAAA\"]}"));
        assertThrows(ServerUnreachableException.class, () -> messaging.groupKeyUpdates(bob, credential, now));
    }

    private static SealedEnvelope envelope() throws IOException {
        try {
            return SealedEnvelope.fromBytes(Hex.decode(DOCUMENT.field("e2e-sealed-envelope", "envelope")));
        } catch (dev.tacit.crypto.MalformedEncodingException e) {
            throw new IOException(e);
        }
    }
}
