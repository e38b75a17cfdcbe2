package dev.tacit.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

/**
 * JSON over HTTP to a Tacit server, for both transports: requests with JSON bodies, answers parsed, problems
 * (docs/protocol.md §4.1) turned into typed exceptions. The HTTP client is configured to say nothing about the
 * client beyond the request itself: a constant {@code User-Agent}, no cookies kept or sent, no
 * {@code Accept-Language} or compression negotiation, no redirects followed and no automatic retries (a retried
 * request would be a second, linkable one).
 */
final class JsonExchange implements AutoCloseable {

    /** The same for every Tacit client and version, so that it tells the server and the exit nothing. */
    static final String USER_AGENT = "Tacit";

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(60);
    private static final Timeout ANSWER_TIMEOUT = Timeout.ofSeconds(60);
    /** Answers are small; a larger one is not the protocol, and is not read into memory. */
    private static final int MAX_ANSWER_BYTES = 8 << 20;

    private final URI base;
    private final CloseableHttpClient http;

    /**
     * @param connections the connection manager: it decides how the client reaches the server (directly, or
     *                    through the proxy), so one exchange never mixes the two
     */
    JsonExchange(URI base, HttpClientConnectionManager connections) {
        this.base = base;
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(ANSWER_TIMEOUT).build())
                .setUserAgent(USER_AGENT)
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    static ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).setSocketTimeout(ANSWER_TIMEOUT).build();
    }

    URI base() {
        return base;
    }

    JsonObject post(String path, JsonObject body) throws TacitClientException {
        return parse(send("POST", path, body, null));
    }

    JsonObject signed(String method, String path, JsonObject body, RequestSigner signer) throws TacitClientException {
        return parse(send(method, path, body, signer));
    }

    HttpAnswer get(String path, String accept) throws TacitClientException {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", base.resolve(path));
        request.setHeader("Accept", accept);
        return execute(request);
    }

    JsonObject getJson(String path, String accept) throws TacitClientException {
        return parse(get(path, accept));
    }

    /**
     * A signed GET whose answer is read as it arrives, such as an event stream; {@code headers} are sent unsigned
     * besides. A problem answer is thrown as {@link #send} does.
     */
    HttpStream openSigned(String path, String accept, Map<String, String> headers, RequestSigner signer)
            throws TacitClientException {
        URI uri = base.resolve(path);
        HttpGet request = new HttpGet(uri); // cancellable: closing an endless answer must not read it to its end
        request.setHeader("Accept", accept);
        headers.forEach(request::setHeader);
        signer.sign(HttpRequestParts.of("GET", uri, HttpFields.builder().build(), new byte[0])).asMap()
                .forEach(request::setHeader);
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, request, null);
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from " + base + " (" + e.getMessage() + ")", e);
        }
        try {
            if (response.getCode() >= 300) {
                Received received;
                try (response) {
                    received = receive(response);
                }
                throw received.status >= 400 ? problem(received)
                        : new ServerUnreachableException("the server answered " + received.status, null);
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                response.close();
                throw new ServerUnreachableException("the server's answer has no content", null);
            }
            return new HttpStream(entity.getContent(), value(response.getFirstHeader("Content-Type")), () -> {
                request.cancel();
                closeQuietly(response);
            });
        } catch (IOException e) {
            closeQuietly(response);
            throw new ServerUnreachableException("no answer from " + base + " (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection is dropped either way
        }
    }

    private HttpAnswer send(String method, String path, JsonObject body, RequestSigner signer)
            throws TacitClientException {
        URI uri = base.resolve(path);
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, uri);
        request.setHeader("Accept", "application/json");
        HttpFields.Builder fields = HttpFields.builder();
        if (bytes.length > 0) {
            request.setEntity(new ByteArrayEntity(bytes, ContentType.create("application/json")));
            fields.add("Content-Type", "application/json");
        }
        if (signer != null) {
            signer.sign(HttpRequestParts.of(method, uri, fields.build(), bytes)).asMap().forEach(request::setHeader);
        }
        return execute(request);
    }

    private HttpAnswer execute(ClassicHttpRequest request) throws TacitClientException {
        Received received;
        try {
            received = http.execute(request, JsonExchange::receive);
        } catch (ProxyFailure e) {
            throw e.proxyReached() ? new ServerUnreachableException(e.getMessage(), e)
                    : new ProxyUnreachableException(e.getMessage() + "; nothing was sent", e);
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from " + base + " (" + e.getMessage() + ")", e);
        }
        if (received.status >= 400) {
            throw problem(received);
        }
        return new HttpAnswer(received.status, received.contentType, received.body);
    }

    private record Received(int status, String contentType, String retryAfter, byte[] body) {
    }

    private static Received receive(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
        }
        return new Received(response.getCode(), value(response.getFirstHeader("Content-Type")),
                value(response.getFirstHeader("Retry-After")), body);
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    private static TacitClientException problem(Received response) {
        Long retryAfter = response.retryAfter == null ? null : seconds(response.retryAfter);
        ProblemResponseException problem;
        String contentType = response.contentType == null ? "" : response.contentType;
        if (!contentType.startsWith("application/problem+json")) {
            problem = new ProblemResponseException(response.status, "about:blank", null, null, null, retryAfter);
        } else {
            try {
                JsonObject document = parse(response.body);
                Map<String, String> members = new HashMap<>();
                document.forEach((name, value) -> {
                    if (value instanceof JsonString string) {
                        members.put(name, string.getString());
                    } else if (value instanceof JsonNumber number) {
                        members.put(name, number.toString()); // such as index and epoch (§4.29)
                    }
                });
                problem = new ProblemResponseException(response.status, document.getString("type", "about:blank"),
                        document.getString("title", null), document.getString("detail", null),
                        document.getString("field", null), retryAfter, members);
            } catch (ServerUnreachableException | ClassCastException e) {
                return new ServerUnreachableException("the server's problem answer is not a problem document", e);
            }
        }
        // A client treats an unknown type by its status (§4.1): every 429 is a spent limit.
        return response.status == 429 ? new RateLimitedException(problem) : problem;
    }

    private static Long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return null; // an HTTP-date; Tacit sends seconds
        }
    }

    private static JsonObject parse(HttpAnswer answer) throws ServerUnreachableException {
        return parse(answer.body());
    }

    private static JsonObject parse(byte[] body) throws ServerUnreachableException {
        if (body.length == 0) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ServerUnreachableException("the server's answer is not a JSON object", e);
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // closing drops the connections; nothing is left to do about a failure to say goodbye
        }
    }
}
