package dev.tacit.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tacit.arquillian.ClientStates;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.Inbox;
import dev.tacit.client.NoSuchContactException;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.Release;
import dev.tacit.client.SentMessage;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TacitClient}'s messaging against the real server through a real SOCKS5 proxy (a library's, on loopback,
 * that shows what went through it): every anonymous operation — look-up, send, token state, refresh — went through
 * the proxy on a connection of its own with credentials of its own, and no signed request did; with the proxy down a
 * send fails with the typed error and the server received nothing; the typed refusals; and all of it kept in the
 * state directories, which each step opens anew.
 */
@ExtendWith(ArquillianExtension.class)
class ClientMessagingIT {

    private static final Duration RELEASE_WINDOW = Duration.ofMinutes(10);

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @TempDir
    Path folder;

    private ClientStates states;

    @BeforeEach
    void states() {
        states = new ClientStates(folder, "messaging clients", RELEASE_WINDOW);
    }

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void aConversationReleaseAndRefreshGoAnonymouslyThroughTheProxyEachOperationOnItsOwn() throws Exception {
        PhoneNumber alice = states.register("alice", numbers.next());
        PhoneNumber bob = states.register("bob", numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            SentMessage hello = states.as("alice", proxy, client -> client.send(bob, "Hello Bob"));
            assertTrue(hello.firstContact(), "no conversation yet: a first contact, paid with a token");
            assertEquals(4, states.as("alice", proxy, TacitClient::tokens).firstContact());
            assertEquals(1, states.as("alice", proxy, TacitClient::tokens).awaiting());

            Inbox bobsInbox = states.as("bob", proxy, TacitClient::receive);
            assertEquals(List.of("Hello Bob"), texts(bobsInbox));
            ReceivedMessage first = bobsInbox.messages().get(0);
            assertEquals(alice, first.from(), "the sender's certificate, checked against the pinned CA");
            assertTrue(first.firstContact());
            assertEquals(0, TestDatabase.mailboxSize(bob.e164()), "acknowledged once kept in the state");
            assertEquals(0, states.as("bob", proxy, TacitClient::receive).messages().size(),
                    "each message is read once");

            SentMessage hi = states.as("bob", proxy, client -> client.send(alice, "Hi Alice"));
            assertFalse(hi.firstContact(), "Alice handed over a credential: a group-signed reply, no token");
            assertEquals(5, states.as("bob", proxy, TacitClient::tokens).firstContact());
            assertEquals(List.of("Hi Alice"), texts(states.as("alice", proxy, TacitClient::receive)));
            assertFalse(states.as("alice", proxy, client -> client.send(bob, "A0")).firstContact(),
                    "Bob handed over his credential with his first reply");
            assertEquals(List.of("A0"), texts(states.as("bob", proxy, TacitClient::receive)));

            // Bob releases Alice's token at a random time in his window; once it is due, the release goes out.
            Release planned = states.as("bob", proxy, client -> client.release(alice));
            assertFalse(planned.sent());
            assertTrue(!planned.at().isBefore(ServerClock.instant()) && planned.at().isBefore(ServerClock.instant()
                    .plus(RELEASE_WINDOW)), planned.toString());
            assertEquals("attached", TestDatabase.firstContactTokenState(sentToken("alice")).orElseThrow());
            ServerClock.advance(RELEASE_WINDOW);
            List<Release> sent = states.as("bob", proxy, TacitClient::sendDueReleases);
            assertEquals(1, sent.size());
            assertEquals("released", TestDatabase.firstContactTokenState(sentToken("alice")).orElseThrow());

            Token released = sentToken("alice");
            TokenRefresh refresh = states.as("alice", proxy, TacitClient::refreshTokens);
            assertEquals(new TokenRefresh(1, 1, 0, 0, 1), refresh);
            assertEquals(5, states.as("alice", proxy, TacitClient::tokens).firstContact(), "the token came back, new");
            assertEquals("refreshed", TestDatabase.firstContactTokenState(released).orElseThrow());

            List<String> requests = proxy.connections().stream().map(c -> c.relayed().substring(0,
                    c.relayed().indexOf(" HTTP/1.1\r\n"))).toList();
            assertEquals(List.of(
                    "POST /v1/discovery/lookup",               // Alice looks Bob up
                    "POST /v1/messages",                       // her first contact
                    "POST /v1/discovery/lookup",               // Bob looks Alice up, to reply
                    "POST /v1/messages",                       // his reply
                    "POST /v1/messages",                       // her reply, to his stored bundle (envelope key)
                    "POST /v1/first-contact-tokens/state",     // Alice asks about her token
                    "GET /v1/server",                          // the current issuer key, anonymously too
                    "POST /v1/first-contact-tokens/refresh"),  // and exchanges it
                    requests, "every anonymous operation, nothing else: " + proxy);
            Set<LoopbackSocksProxy.Credentials> credentials = new HashSet<>();
            for (LoopbackSocksProxy.Connection connection : proxy.connections()) {
                assertTrue(credentials.add(connection.credentials().orElseThrow()), "credentials of its own per operation");
                String headers = connection.relayed().toLowerCase(java.util.Locale.ROOT);
                assertFalse(headers.contains("\r\nsignature:") || headers.contains("\r\nsignature-input:"),
                        "nothing signed goes through the proxy: " + connection.relayed());
                assertEquals("localhost", connection.targetName(), "the proxy resolves the server's name");
            }
        }
    }

    @Test
    void withTheProxyDownASendFailsAndTheServerReceivesNothing() throws Exception {
        PhoneNumber alice = states.register("alice", numbers.next());
        PhoneNumber bob = states.register("bob", numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            states.as("alice", proxy, client -> client.send(bob, "Hello Bob"));
            states.as("bob", proxy, TacitClient::receive);
            states.as("bob", proxy, client -> client.send(alice, "Hi Alice"));
            states.as("alice", proxy, TacitClient::receive);
        }
        LoopbackSocksProxy down = LoopbackSocksProxy.start();
        down.close();
        int replies = TestDatabase.replySignatures();
        Token next = unspent("alice").get(0);

        assertThrows(ProxyUnreachableException.class,
                () -> states.as("alice", down, client -> client.reply(bob, "not sent")));
        assertThrows(ProxyUnreachableException.class,
                () -> states.as("alice", down, client -> client.startConversation(bob, "not sent either")),
                "a first contact's look-up, then its send, go through the proxy");

        assertEquals(0, TestDatabase.mailboxSize(bob.e164()), "nothing reached Bob's mailbox");
        assertEquals(replies, TestDatabase.replySignatures(), "no reply was accepted");
        assertEquals(Optional.empty(), TestDatabase.firstContactTokenState(next), "the token was not spent");
        assertEquals(4, unspent("alice").size(), "and the client still holds it");
        assertTrue(unspent("alice").contains(next));
        try (LoopbackSocksProxy up = LoopbackSocksProxy.start()) {
            assertFalse(states.as("alice", up, client -> client.reply(bob, "sent now")).firstContact());
            assertEquals(List.of("sent now"), texts(states.as("bob", up, TacitClient::receive)),
                    "the ratchet kept its step");
        }
    }

    @Test
    void anUnregisteredRecipientCostsNoTokenAndASpammerRunsOutOfTokens() throws Exception {
        PhoneNumber bob = states.register("bob", numbers.next());
        PhoneNumber mallory = states.register("mallory", numbers.next());
        PhoneNumber nobody = PhoneNumber.of(numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            RecipientNotRegisteredException unknown = assertThrows(RecipientNotRegisteredException.class,
                    () -> states.as("mallory", proxy, client -> client.send(nobody, "hello?")));
            assertEquals(nobody, unknown.recipient());
            assertFalse(unknown.tokenSpent(), "the look-up said so before anything was paid");
            assertEquals(5, states.as("mallory", proxy, TacitClient::tokens).firstContact());

            for (int i = 0; i < 5; i++) {
                assertTrue(states.as("mallory", proxy, client -> client.startConversation(bob, "buy now"))
                        .firstContact());
            }
            assertThrows(OutOfTokensException.class,
                    () -> states.as("mallory", proxy, client -> client.startConversation(bob, "buy more")));
            assertEquals(5, TestDatabase.mailboxSize(bob.e164()), "the sixth was never sent");

            assertEquals(5, states.as("bob", proxy, TacitClient::receive).messages().size());
            states.as("bob", proxy, client -> {
                client.reportSpam(mallory);
                return null;
            });
            assertThrows(NoSuchContactException.class,
                    () -> states.as("bob", proxy, client -> client.release(mallory)));
            assertEquals(new TokenRefresh(5, 0, 5, 0, 0), states.as("mallory", proxy, TacitClient::refreshTokens),
                    "all five burned");
            assertThrows(OutOfTokensException.class,
                    () -> states.as("mallory", proxy, client -> client.startConversation(bob, "and again")));
        }
    }

    private List<Token> unspent(String user) throws Exception {
        try (StateDirectory state = states.open(user)) {
            return state.state().tokens(TokenPurpose.FIRST_CONTACT);
        }
    }

    private Token sentToken(String user) throws Exception {
        try (StateDirectory state = states.open(user)) {
            return state.state().sentTokens().get(0).token();
        }
    }

    private static List<String> texts(Inbox inbox) {
        assertEquals(0, inbox.dropped(), "every message opened");
        return inbox.messages().stream().map(ReceivedMessage::text).toList();
    }
}
