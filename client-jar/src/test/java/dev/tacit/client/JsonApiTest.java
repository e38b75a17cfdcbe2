package dev.tacit.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;
import dev.tacit.http.signature.RequestVerificationKey;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.VerifiedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client's HTTP layer against a real HTTP server on loopback. */
class JsonApiTest {

    private HttpServer server;
    private JsonApi api;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<Received> received = new AtomicReference<>();

    private record Answer(int status, String contentType, String body, String retryAfter) {
    }

    private record Received(String method, String path, Headers headers, byte[] body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            Answer reply = answer.get();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        api = new JsonApi(URI.create("http://localhost:" + server.getAddress().getPort()), HttpClient.newHttpClient());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void postsJsonAndReadsTheJsonAnswer() throws Exception {
        answer.set(new Answer(200, "application/json", "{\"ok\":true}", null));

        JsonObject reply = api.post("/v1/thing", Json.createObjectBuilder().add("a", 1).build());

        assertEquals(true, reply.getBoolean("ok"));
        assertEquals("POST", received.get().method());
        assertEquals("{\"a\":1}", new String(received.get().body(), StandardCharsets.UTF_8));
    }

    @Test
    void aProblemAnswerBecomesATypedExceptionWithItsMembers() {
        answer.set(new Answer(429, "application/problem+json",
                "{\"type\":\"urn:tacit:problem:rate-limited\",\"title\":\"Rate limited\",\"status\":429,"
                        + "\"detail\":\"later\",\"field\":\"number\"}", "42"));

        ProblemResponseException problem = assertThrows(ProblemResponseException.class,
                () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));

        assertEquals(429, problem.status());
        assertEquals("urn:tacit:problem:rate-limited", problem.type());
        assertEquals(Optional.of("number"), problem.field());
        assertEquals(Optional.of(42L), problem.retryAfterSeconds());
    }

    @Test
    void anAnswerThatIsNotJsonIsAProtocolFailure() {
        answer.set(new Answer(200, "application/json", "<html>", null));

        assertThrows(ServerUnreachableException.class, () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void aSignedRequestVerifiesAsTheServerWouldCheckIt() throws Exception {
        answer.set(new Answer(204, "application/json", "", null));
        PhoneNumber number = PhoneNumber.of("+15555550123");
        IdentityKeyPair identity = IdentityKeyPair.generate(new SecureRandom());
        RequestSigner signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), Clock.systemUTC(),
                new SecureRandom());

        api.signed("PUT", "/v1/account/pre-key?x=1", Json.createObjectBuilder().add("preKey", "AA").build(), signer);

        Received request = received.get();
        HttpFields.Builder headers = HttpFields.builder();
        request.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        URI target = URI.create("http://localhost:" + server.getAddress().getPort() + request.path());
        VerifiedRequest verified = new RequestVerifier(
                keyId -> keyId.equals(number.e164()) ? Optional.of(RequestVerificationKey.of(identity.publicKey()))
                        : Optional.empty(), Clock.systemUTC(), RequestVerifier.DEFAULT_FRESHNESS_WINDOW)
                .verify(HttpRequestParts.of(request.method(), target, headers.build(), request.body()));
        assertEquals(number.e164(), verified.keyId());
        assertEquals(List.of("application/json"), request.headers().get("Content-Type"));
    }
}
