package dev.tacit.it;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.arquillian.TorTestNetwork;
import dev.tacit.client.Inbox;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.SocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three-person scenario through Tor: a private Tor network on loopback ({@link TorTestNetwork}: three directory
 * authorities, an exit, a client), the clients' anonymous operations through its client's SOCKS port, every one on a
 * circuit of its own. Only with {@code -Ptor} (it needs Debian's {@code tor}); not part of the default build. The exit
 * reaches the server at 127.0.0.1 (an exit resolves no {@code localhost}); signed requests go direct, as always.
 */
@ExtendWith(ArquillianExtension.class)
class TorNetworkIT {

    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "through tor".toCharArray();
    private static final URI SERVER = URI.create("http://localhost:" + TestPorts.http());
    private static final URI SERVER_FROM_THE_EXIT = URI.create("http://127.0.0.1:" + TestPorts.http());
    private static final Duration RELEASE_WINDOW = Duration.ofMinutes(10);
    private static final Duration FIRST_CIRCUIT_LIMIT = Duration.ofMinutes(2);

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path states;

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void threePeopleConverseThroughAPrivateTorNetwork() throws Exception {
        Path network = Path.of(System.getProperty("tacit.test.work.dir")).resolveSibling("tor-network");
        try (TorTestNetwork tor = TorTestNetwork.start(network);
             Person alice = new Person("alice", tor.socks());
             Person bob = new Person("bob", tor.socks());
             Person mallory = new Person("mallory", tor.socks())) {
            awaitFirstCircuit(alice.client);

            assertTrue(alice.client.send(bob.number, "Hello Bob, through Tor").firstContact());
            ReceivedMessage hello = only(bob.client.receive());
            assertEquals(alice.number, hello.from());
            assertEquals("Hello Bob, through Tor", hello.text());
            assertFalse(bob.client.send(alice.number, "Hi Alice, through Tor").firstContact());
            assertEquals("Hi Alice, through Tor", only(alice.client.receive()).text());

            bob.client.release(alice.number);
            ServerClock.advance(RELEASE_WINDOW);
            assertEquals(1, bob.client.sendDueReleases().size());
            assertEquals(new TokenRefresh(1, 1, 0, 0, 1), alice.client.refreshTokens());
            assertEquals(5, alice.client.tokens().firstContact());

            for (int i = 0; i < 5; i++) {
                mallory.client.startConversation(bob.number, "buy now");
            }
            assertThrows(OutOfTokensException.class, () -> mallory.client.startConversation(bob.number, "more"));
            assertEquals(5, bob.client.receive().messages().size());
            bob.client.reportSpam(mallory.number);
            assertEquals(new TokenRefresh(5, 0, 5, 0, 0), mallory.client.refreshTokens());
            assertEquals(0, TestDatabase.mailboxSize(bob.number.e164()));

            tor.stopClient();
            assertThrows(ProxyUnreachableException.class, () -> alice.client.reply(bob.number, "Tor is gone"));
            assertEquals(0, TestDatabase.mailboxSize(bob.number.e164()), "nothing went direct");
        }
    }

    /** Right after bootstrap the exit may not be usable yet: the proxy check is retried until a circuit carries it. */
    private static void awaitFirstCircuit(TacitClient client) throws InterruptedException, TacitClientException {
        Instant deadline = Instant.now().plus(FIRST_CIRCUIT_LIMIT);
        while (true) {
            try {
                client.checkProxy();
                return;
            } catch (TacitClientException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static ReceivedMessage only(Inbox inbox) {
        assertEquals(0, inbox.dropped());
        assertEquals(1, inbox.messages().size(), inbox.toString());
        return inbox.messages().get(0);
    }

    /** A registered person with a client whose anonymous operations go through Tor. */
    private final class Person implements AutoCloseable {

        final PhoneNumber number;
        final StateDirectory state;
        final TacitClient client;

        Person(String name, SocksProxy tor) throws Exception {
            String e164 = numbers.next();
            number = PhoneNumber.of(e164);
            state = StateDirectory.create(states.resolve(name), PASSPHRASE, CHEAP, random);
            client = TacitClient.builder(state).server(SERVER).anonymousServer(SERVER_FROM_THE_EXIT).proxy(tor)
                    .clock(ServerClock.clock()).random(random).releaseWindow(RELEASE_WINDOW)
                    .releaseTime(MailboxClient.ReleaseTime.NOW).build();
            client.requestCode(number);
            client.register(SmsProviderStub.latestCodeFor(e164).orElseThrow());
        }

        @Override
        public void close() {
            client.close();
            state.close();
        }
    }
}
