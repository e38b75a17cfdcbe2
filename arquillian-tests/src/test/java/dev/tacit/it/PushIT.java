package dev.tacit.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tacit.arquillian.PushServiceStub;
import dev.tacit.arquillian.PushServiceStub.Behaviour;
import dev.tacit.arquillian.PushServiceStub.Push;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.crypto.message.Conversation;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web Push wake-ups (docs/protocol.md §4.21) against the push-service stub on loopback: subscriptions over the signed
 * channel, a VAPID-signed push without content after each message, sends that a hanging or failing push service does
 * not hold up, and subscriptions that their push service calls gone deleted.
 */
@ExtendWith(ArquillianExtension.class)
class PushIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @AfterEach
    void releaseTheStub() {
        PushServiceStub.release();
        ServerClock.reset();
    }

    @Test
    void aMessageWakesTheSubscriptionWithAVapidSignedPushWithoutContent() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        String endpoint = PushServiceStub.endpoint(Behaviour.ACCEPT);
        bob.mailbox.subscribePush(endpoint);

        send(alice, bob);

        List<Push> pushes = PushServiceStub.awaitReceived(endpoint, 1, WITHIN);
        assertEquals(1, pushes.size(), "one push for one message");
        Push push = pushes.get(0);
        assertEquals(List.of(), push.problems(), "RFC 8030 and RFC 8292 as the stub checks them");
        assertEquals(0, push.contentLength(), "no content at all");
        String published = TacitHttp.json(TacitHttp.get(TacitHttp.API.resolve("server"))).getString("vapidPublicKey");
        assertEquals(published, push.key(), "signed by the key GET /v1/server publishes");
        assertEquals("http://localhost:" + dev.tacit.arquillian.TestPorts.http(), push.claims().getSubject(),
                "sub: the server's public origin");
        assertEquals("high", push.urgency());
    }

    /** The first send's push hangs in the push service; a second send still completes while it hangs. */
    @Test
    void aHangingPushServiceDoesNotHoldUpTheSend() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        String endpoint = PushServiceStub.endpoint(Behaviour.HANG);
        bob.mailbox.subscribePush(endpoint);

        send(alice, bob);
        PushServiceStub.awaitReceived(endpoint, 1, WITHIN);
        assertEquals(1, PushServiceStub.blocked(), "the push service holds the first push");

        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<String> second = sender.submit(() -> send(alice, bob));
            String id = second.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertFalse(id.isEmpty());
            assertTrue(PushServiceStub.blocked() >= 1, "the send's 202 came while the push service still hung");
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void aFailingPushServiceDoesNotFailTheSendAndKeepsTheSubscription() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        String endpoint = PushServiceStub.endpoint(Behaviour.FAIL);
        bob.mailbox.subscribePush(endpoint);

        send(alice, bob);
        send(alice, bob);

        assertEquals(2, PushServiceStub.awaitReceived(endpoint, 2, WITHIN).size(), "each message tried a push");
        assertEquals(2, bob.mailbox.listAll().size(), "both messages were stored");
        assertEquals(1, subscriptions(bob), "a 500 is not the end of a subscription");
    }

    @Test
    void aSubscriptionItsPushServiceCallsGoneIsDeleted() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        String endpoint = PushServiceStub.endpoint(Behaviour.GONE);
        bob.mailbox.subscribePush(endpoint);
        assertEquals(1, subscriptions(bob));

        send(alice, bob);
        PushServiceStub.awaitReceived(endpoint, 1, WITHIN);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (subscriptions(bob) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(0, subscriptions(bob), "410 deletes the subscription (RFC 8030 §7.3)");
        send(alice, bob);
        Thread.sleep(1000);
        assertEquals(1, PushServiceStub.received(endpoint).size(), "no push to a deleted subscription");
    }

    @Test
    void endpointsAreHttpsUrlsBoundedInLengthAndNumber() throws Exception {
        Party bob = Party.register(numbers.next());

        for (String endpoint : List.of("http://localhost/push/1", "https:opaque", "https://user@localhost/push/1",
                "https://localhost/push/1#fragment", "not a url", "https://localhost/" + "a".repeat(1024))) {
            ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                    () -> bob.mailbox.subscribePush(endpoint), endpoint);
            assertEquals(400, refused.status(), endpoint);
            assertEquals("urn:tacit:problem:invalid-push-subscription", refused.type(), endpoint);
            assertEquals("endpoint", refused.field().orElseThrow(), endpoint);
        }

        String first = PushServiceStub.endpoint(Behaviour.ACCEPT);
        String id = bob.mailbox.subscribePush(first);
        assertEquals(id, bob.mailbox.subscribePush(first), "the same endpoint keeps its subscription");
        List<String> ids = new ArrayList<>(List.of(id));
        for (int i = 1; i < 5; i++) {
            ids.add(bob.mailbox.subscribePush(PushServiceStub.endpoint(Behaviour.ACCEPT)));
        }
        ProblemResponseException tooMany = assertThrows(ProblemResponseException.class,
                () -> bob.mailbox.subscribePush(PushServiceStub.endpoint(Behaviour.ACCEPT)));
        assertEquals(409, tooMany.status());
        assertEquals("urn:tacit:problem:too-many-push-subscriptions", tooMany.type());
        assertEquals(5, subscriptions(bob));

        bob.mailbox.unsubscribePush(ids.get(0));
        assertEquals(4, subscriptions(bob));
        ProblemResponseException unknown = assertThrows(ProblemResponseException.class,
                () -> bob.mailbox.unsubscribePush(ids.get(0)));
        assertEquals(404, unknown.status());
        assertEquals("urn:tacit:problem:unknown-push-subscription", unknown.type());

        Party carol = Party.register(numbers.next());
        ProblemResponseException notHers = assertThrows(ProblemResponseException.class,
                () -> carol.mailbox.unsubscribePush(ids.get(1)));
        assertEquals(404, notHers.status(), "another account's subscription is unknown to her");
        assertEquals(4, subscriptions(bob));
        assertNotEquals(ids.get(1), carol.mailbox.subscribePush(first), "her own subscription, another id");
    }

    private static String send(Party from, Party to) throws Exception {
        return from.messaging.sendReply(to.number, Conversation.start(from.local, to.bundle(), from.nextCredential(),
                        "hello".getBytes(StandardCharsets.UTF_8), ServerClock.instant(), TestAccounts.RANDOM).envelope(),
                to.nextCredential(), ServerClock.instant());
    }

    private static int subscriptions(Party party) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit.push_subscription WHERE account = ?")) {
            query.setString(1, party.number.e164());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
