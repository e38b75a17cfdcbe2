package dev.tacit.it;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.client.AccountStatus;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.Registration;
import dev.tacit.client.TacitClient;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@link TacitClient}s against the real server with a real SOCKS5 proxy (a library's, on loopback, that
 * shows what went through it) between them and it: every anonymous operation — a contact look-up — goes through
 * the proxy on a connection of its own with credentials of its own, and nothing else does (registration, the
 * signed status and re-registration, the signed discovery allowance all go direct). With the proxy down, a
 * look-up fails with the typed error and the server receives nothing: it records none of the tokens as spent,
 * and the client keeps them.
 */
@ExtendWith(ArquillianExtension.class)
class ClientTransportsIT {

    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "two clients".toCharArray();
    private static final URI SERVER = URI.create("http://localhost:" + TestPorts.http());

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path states;

    @Test
    void anonymousOperationsGoThroughTheProxyEachOnItsOwnAndSignedOnesNever() throws Exception {
        PhoneNumber stranger = PhoneNumber.of(numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start();
             StateDirectory aliceState = StateDirectory.create(states.resolve("alice"), PASSPHRASE, CHEAP, random);
             StateDirectory bobState = StateDirectory.create(states.resolve("bob"), PASSPHRASE, CHEAP, random);
             TacitClient alice = client(aliceState, proxy);
             TacitClient bob = client(bobState, proxy)) {
            for (TacitClient client : List.of(alice, bob)) {
                Registration registration = register(client, numbers.next());
                assertEquals(5, registration.tokensReceived());
                AccountStatus status = client.status();
                assertTrue(status.keysMatch());
                assertEquals(5, status.unspentTokens());
                client.reRegister();
                assertTrue(client.status().keysMatch(), "the status is signed by the new key");
            }
            assertEquals(List.of(), proxy.connections(), "registration and signed requests go direct");
            PhoneNumber aliceNumber = alice.number().orElseThrow();
            PhoneNumber bobNumber = bob.number().orElseThrow();

            List<ContactLookup> alicesLookUp = alice.discover(List.of(bobNumber, stranger));
            List<ContactLookup> bobsLookUp = bob.discover(List.of(aliceNumber));
            List<ContactLookup> alicesSecond = alice.discover(List.of(bobNumber));

            assertInstanceOf(ContactLookup.Registered.class, alicesLookUp.get(0));
            assertInstanceOf(ContactLookup.NotRegistered.class, alicesLookUp.get(1));
            assertEquals(aliceNumber, ((ContactLookup.Registered) bobsLookUp.get(0)).keyBundle().identity().phoneNumber());
            assertInstanceOf(ContactLookup.Registered.class, alicesSecond.get(0));
            List<LoopbackSocksProxy.Connection> connections = proxy.connections();
            assertEquals(3, connections.size(), "one connection per look-up, nothing else: " + proxy);
            Set<LoopbackSocksProxy.Credentials> credentials = new HashSet<>();
            for (LoopbackSocksProxy.Connection connection : connections) {
                assertTrue(credentials.add(connection.credentials().orElseThrow()), "credentials of its own per operation");
                assertEquals("localhost", connection.targetName(), "the proxy resolves the server's name");
                String relayed = connection.relayed();
                assertTrue(relayed.startsWith("POST /v1/discovery/lookup HTTP/1.1\r\n"), relayed);
                assertEquals(relayed.indexOf(" HTTP/1.1\r\n"), relayed.lastIndexOf(" HTTP/1.1\r\n"), "one request: " + relayed);
                assertFalse(relayed.contains("Signature"), "nothing signed goes through the proxy");
            }
            int allowance = alice.tokens().discovery() + 3;
            assertEquals(allowance, bob.tokens().discovery() + 1, "each fetched the same allowance, directly");
        }
    }

    @Test
    void withTheProxyDownALookUpFailsAndTheServerReceivesNothing() throws Exception {
        PhoneNumber wanted = PhoneNumber.of(numbers.next());
        LoopbackSocksProxy down = LoopbackSocksProxy.start();
        down.close();
        try (StateDirectory state = StateDirectory.create(states.resolve("carol"), PASSPHRASE, CHEAP, random)) {
            try (TacitClient carol = client(state, down)) {
                register(carol, numbers.next());
                int fetched = carol.refillDiscoveryTokens();
                assertTrue(fetched > 0);

                assertThrows(ProxyUnreachableException.class, carol::checkProxy);
                assertThrows(ProxyUnreachableException.class, () -> carol.discover(List.of(wanted)));

                List<Token> held = state.state().tokens(TokenPurpose.DISCOVERY);
                assertEquals(fetched, held.size(), "no token was spent: none left this machine");
                for (Token token : held) {
                    assertFalse(TestDatabase.isSpent(token), "the server recorded no look-up");
                }
            }
            try (LoopbackSocksProxy up = LoopbackSocksProxy.start(); TacitClient carol = client(state, up)) {
                Token next = state.state().tokens(TokenPurpose.DISCOVERY).get(0);

                assertInstanceOf(ContactLookup.NotRegistered.class, carol.discover(List.of(wanted)).get(0));

                assertTrue(TestDatabase.isSpent(next), "the same look-up through a proxy that is up spends the token");
                assertEquals(1, up.connections().size());
            }
        }
    }

    private TacitClient client(StateDirectory state, LoopbackSocksProxy proxy) {
        return TacitClient.builder(state).server(SERVER).proxy(proxy.address()).clock(ServerClock.clock())
                .random(random).build();
    }

    private static Registration register(TacitClient client, String number) throws Exception {
        client.requestCode(PhoneNumber.of(number));
        return client.register(SmsProviderStub.latestCodeFor(number).orElseThrow());
    }
}
