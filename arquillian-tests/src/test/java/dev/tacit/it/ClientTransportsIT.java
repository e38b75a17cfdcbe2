package dev.tacit.it;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.client.AccountStatus;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.Registration;
import dev.tacit.client.TacitClient;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.AnonymousSession;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clients against the real server with a real SOCKS5 proxy (a library's, on loopback) between them and it:
 * every anonymous operation goes through the proxy with credentials of its own, no registration or signed
 * request does, and with the proxy down an anonymous request fails with the typed error while the server
 * receives nothing (it texts no code).
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

            // The anonymous operations there are so far: the proxy check, and reads of public documents in a
            // session of one's own. Contact look-ups and sends are anonymous operations of the same kind.
            alice.checkProxy();
            bob.checkProxy();
            try (AnonymousSession session = alice.anonymous().open()) {
                session.getJson("/v1/server", "application/json");
                session.get("/.well-known/private-token-issuer-directory", "application/private-token-issuer-directory");
            }

            assertEquals(3, proxy.connections().size(), "one connection per operation, nothing else: " + proxy);
            assertTrue(proxy.connections().get(2).relayed()
                    .contains("GET /.well-known/private-token-issuer-directory HTTP/1.1\r\n"));
            Set<LoopbackSocksProxy.Credentials> credentials = new HashSet<>();
            for (LoopbackSocksProxy.Connection connection : proxy.connections()) {
                assertTrue(credentials.add(connection.credentials().orElseThrow()), "credentials of its own per operation");
                assertEquals("localhost", connection.targetName(), "the proxy resolves the server's name");
                String relayed = connection.relayed();
                assertTrue(relayed.startsWith("GET /v1/server HTTP/1.1\r\n"), relayed);
                assertFalse(relayed.contains("Signature"), "nothing signed goes through the proxy");
                assertFalse(relayed.contains("/v1/account"), "no account request goes through the proxy");
            }
        }
    }

    @Test
    void withTheProxyDownNothingReachesTheServer() throws Exception {
        String number = numbers.next();
        LoopbackSocksProxy proxy = LoopbackSocksProxy.start();
        proxy.close();
        try (StateDirectory state = StateDirectory.create(states.resolve("carol"), PASSPHRASE, CHEAP, random);
             TacitClient carol = client(state, proxy)) {
            assertThrows(ProxyUnreachableException.class, carol::checkProxy);
            // A request the server would act on, so that its side shows whether anything arrived: a code request.
            try (AnonymousSession session = carol.anonymous().open()) {
                assertThrows(ProxyUnreachableException.class, () -> session.post("/v1/verification/code",
                        Json.createObjectBuilder().add("number", number).build()));
            }
            assertEquals(List.of(), SmsProviderStub.messagesTo(number), "the server received nothing to text");

            carol.requestCode(PhoneNumber.of(number)); // the same request, direct, does reach it
            assertEquals(1, SmsProviderStub.messagesTo(number).size());
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
