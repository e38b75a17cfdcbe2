package dev.tacit.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestVerificationKey;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.VerifiedRequest;

/**
 * A real HTTP server on loopback for the client's tests: it answers every request with the answer set last
 * and keeps the requests it received, so that a test checks what the client sent, its signature and headers
 * included, and that a client sent nothing at all.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final Map<String, Answer> answersByPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What the server answers: a status, a media type, a body, {@code Retry-After} if not null, more headers. */
    public record Answer(int status, String contentType, String body, String retryAfter, Map<String, String> headers) {

        public Answer(int status, String contentType, String body, String retryAfter) {
            this(status, contentType, body, retryAfter, Map.of());
        }

        /** A JSON answer, a problem document from status 400 on. */
        public static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body, null);
        }
    }

    /** A request as the server received it. */
    public record Received(String method, String path, Headers headers, byte[] body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        }

        /**
         * Checks the request's signature as a Tacit server does (docs/protocol.md §5.3), for the account
         * {@code number} with the identity key {@code key}, at the origin {@code origin}.
         */
        public VerifiedRequest verifySignature(URI origin, PhoneNumber number, IdentityPublicKey key)
                throws MalformedEncodingException, VerificationFailedException {
            HttpFields.Builder fields = HttpFields.builder();
            headers.forEach((name, values) -> values.forEach(value -> fields.add(name, value)));
            return new RequestVerifier(keyId -> keyId.equals(number.e164())
                    ? Optional.of(RequestVerificationKey.of(key)) : Optional.empty(),
                    Clock.systemUTC(), RequestVerifier.DEFAULT_FRESHNESS_WINDOW)
                    .verify(HttpRequestParts.of(method, origin.resolve(path), fields.build(), body));
        }
    }

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    /** A new server on a free loopback port, answering nothing until {@link #answer} is called. */
    public static LoopbackServer start() throws IOException {
        LoopbackServer loopback = new LoopbackServer(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        loopback.server.createContext("/", exchange -> {
            loopback.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            Answer reply = loopback.answersByPath.getOrDefault(exchange.getRequestURI().getPath(), loopback.answer.get());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        loopback.server.start();
        return loopback;
    }

    /** Where the server listens: {@code http://localhost:<port>}. */
    public URI origin() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** A client's direct transport to this server. */
    public DirectTransport direct() {
        return DirectTransport.to(origin());
    }

    /** Answers requests for {@code path} with {@code reply} from now on, whatever {@link #answer} says. */
    public void answer(String path, Answer reply) {
        answersByPath.put(path, reply);
    }

    /** Answers every request from now on with {@code reply}. */
    public void answer(Answer reply) {
        answer.set(reply);
    }

    /** The last request received. */
    public Received received() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    /** Every request received, in order. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
