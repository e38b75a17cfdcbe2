package dev.tacit.client.transport;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.client.LoopbackServer;
import dev.tacit.client.LoopbackServer.Answer;
import dev.tacit.client.LoopbackServer.Received;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.transport.LoopbackSocksProxy.Connection;
import dev.tacit.client.transport.LoopbackSocksProxy.Credentials;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two transports against a real HTTP server and a real SOCKS5 proxy (a library's, on loopback): anonymous
 * sessions go only through the proxy, each with credentials of its own and the server's name resolved by the
 * proxy; direct requests never do; with the proxy down or refusing, nothing reaches the server.
 */
class AnonymousTransportTest {

    /** What an anonymous request may carry: the request itself, and a User-Agent that is the same for all. */
    private static final Set<String> ALLOWED_HEADERS =
            Set.of("Host", "Accept", "User-agent", "Content-type", "Content-length", "Connection");

    private LoopbackServer server;
    private LoopbackSocksProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.start();
        server.answer(Answer.json(200, "{\"ok\":true}"));
        proxy = LoopbackSocksProxy.start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    @Test
    void everySessionGoesThroughTheProxyWithCredentialsOfItsOwn() throws Exception {
        AnonymousTransport anonymous = AnonymousTransport.through(proxy.address(), server.origin());

        for (int i = 0; i < 3; i++) {
            try (AnonymousSession session = anonymous.open()) {
                session.getJson("/v1/server", "application/json");
                session.post("/v1/look-up", Json.createObjectBuilder().add("n", i).build());
            }
        }

        assertEquals(6, server.requests().size());
        List<Connection> connections = proxy.connections();
        assertEquals(3, connections.size(), "one connection per session, each through the proxy");
        Set<Credentials> seen = new HashSet<>();
        for (Connection connection : connections) {
            String relayed = connection.relayed();
            assertTrue(relayed.startsWith("GET /v1/server HTTP/1.1\r\n"), relayed);
            assertTrue(relayed.contains("POST /v1/look-up HTTP/1.1\r\n"), relayed);
            Credentials used = connection.credentials().orElseThrow();
            assertTrue(seen.add(used), "fresh credentials per session: " + proxy.credentials());
            assertEquals(22, used.username().length(), "16 random bytes");
            assertFalse(used.username().equals(used.password()));
        }
    }

    @Test
    void theProxyResolvesTheServersNameNotThisMachine() throws Exception {
        AnonymousTransport anonymous = AnonymousTransport.through(proxy.address(), server.origin());
        try (AnonymousSession session = anonymous.open()) {
            session.getJson("/v1/server", "application/json");
        }
        URI unresolvable = URI.create("http://tacit-test.invalid:" + server.origin().getPort());
        AnonymousTransport toNowhere = AnonymousTransport.through(proxy.address(), unresolvable);

        ServerUnreachableException failure;
        try (AnonymousSession session = toNowhere.open()) {
            failure = assertThrows(ServerUnreachableException.class,
                    () -> session.getJson("/v1/server", "application/json"));
        }

        assertEquals(3, proxy.connections().get(0).addressType(), "a name, for the proxy to resolve");
        assertEquals("localhost", proxy.connections().get(0).targetName());
        assertEquals("tacit-test.invalid", proxy.connections().get(1).targetName());
        assertTrue(failure.getMessage().contains("host unreachable"), failure.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void anAnonymousRequestCarriesNothingThatTellsClientsApart() throws Exception {
        server.answer(new Answer(200, "application/json", "{}", null, Map.of("Set-Cookie", "id=42; Path=/")));
        AnonymousTransport anonymous = AnonymousTransport.through(proxy.address(), server.origin());

        try (AnonymousSession session = anonymous.open()) {
            session.getJson("/v1/server", "application/json");
            session.post("/v1/look-up", Json.createObjectBuilder().add("numbers", 1).build());
        }

        for (Received request : server.requests()) {
            assertTrue(ALLOWED_HEADERS.containsAll(request.headers().keySet()), request.headers().keySet().toString());
            assertEquals(List.of("Tacit"), request.headers().get("User-Agent"));
            assertFalse(request.headers().containsKey("Cookie"));
        }
    }

    @Test
    void directRequestsNeverGoThroughTheProxy() throws Exception {
        PhoneNumber number = PhoneNumber.of("+15555550123");
        IdentityKeyPair identity = IdentityKeyPair.generate(new SecureRandom());
        RequestSigner signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), Clock.systemUTC(),
                new SecureRandom());

        try (DirectTransport direct = DirectTransport.to(server.origin())) {
            direct.signed("GET", "/v1/account", null, signer);
            direct.post("/v1/verification/code", Json.createObjectBuilder().add("number", "+15555550123").build());
        }

        assertEquals(2, server.requests().size());
        assertTrue(server.requests().get(0).headers().containsKey("Signature"));
        assertEquals(List.of(), proxy.connections());
    }

    @Test
    void withTheProxyDownAnAnonymousRequestFailsAndNothingIsSent() throws Exception {
        SocksProxy down = proxy.address();
        proxy.close();
        AnonymousTransport anonymous = AnonymousTransport.through(down, server.origin());
        JsonObject body = Json.createObjectBuilder().add("numbers", 1).build();

        try (AnonymousSession session = anonymous.open()) {
            ProxyUnreachableException failure = assertThrows(ProxyUnreachableException.class,
                    () -> session.post("/v1/look-up", body));
            assertTrue(failure.getMessage().contains(down.toString()), failure.getMessage());
        }

        assertEquals(List.of(), server.requests(), "no direct fallback");
    }

    @Test
    void aProxyThatRefusesTheCredentialsGetsNothingThrough() throws Exception {
        proxy.close();
        proxy = LoopbackSocksProxy.startRefusingCredentials();
        AnonymousTransport anonymous = AnonymousTransport.through(proxy.address(), server.origin());

        try (AnonymousSession session = anonymous.open()) {
            assertThrows(ProxyUnreachableException.class, () -> session.getJson("/v1/server", "application/json"));
        }

        assertEquals(1, proxy.credentials().size());
        assertEquals(List.of(), server.requests());
    }
}
