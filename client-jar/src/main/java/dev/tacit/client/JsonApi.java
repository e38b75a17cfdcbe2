package dev.tacit.client;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

/**
 * JSON over HTTP to a Tacit server: requests with JSON bodies, answers parsed, problems turned into
 * {@link ProblemResponseException}. Binary members are base64url without padding (docs/protocol.md §4).
 */
public final class JsonApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    /** @param base the server's root, e.g. {@code https://tacit.example}; paths are resolved against it */
    public JsonApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** POSTs {@code body} to {@code path}; returns the answer's JSON object (empty for an empty body). */
    public JsonObject post(String path, JsonObject body) throws TacitClientException {
        return parse(send(jsonRequest("POST", path, body, null)));
    }

    /**
     * Sends an account-scoped request (docs/protocol.md §5), signed by {@code signer}: {@code body} may be
     * null for none. Returns the answer's JSON object (empty for an empty body).
     */
    public JsonObject signed(String method, String path, JsonObject body, RequestSigner signer)
            throws TacitClientException {
        return parse(send(jsonRequest(method, path, body, signer)));
    }

    private HttpRequest jsonRequest(String method, String path, JsonObject body, RequestSigner signer) {
        URI uri = base.resolve(path);
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpFields.Builder fields = HttpFields.builder();
        if (bytes.length > 0) {
            request.header("Content-Type", "application/json");
            fields.add("Content-Type", "application/json");
        }
        if (signer != null) {
            signer.sign(HttpRequestParts.of(method, uri, fields.build(), bytes)).asMap().forEach(request::header);
        }
        return request.build();
    }

    /** GETs {@code path} and returns the raw answer, after problem handling. */
    public HttpResponse<byte[]> get(String path, String accept) throws TacitClientException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", accept)
                .GET()
                .build();
        return send(request);
    }

    /** GETs {@code path} as JSON. */
    public JsonObject getJson(String path, String accept) throws TacitClientException {
        return parse(get(path, accept));
    }

    /** Decodes a binary member of an answer: canonical base64url without padding. */
    public static byte[] fromBase64Url(String encoded) throws ServerUnreachableException {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server sent a value that is not canonical base64url", e);
        }
    }

    /** Decodes a binary member written with padding, such as RFC 9578's {@code token-key}. */
    public static byte[] fromPaddedBase64Url(String encoded) throws ServerUnreachableException {
        try {
            return Base64Url.decodePadded(encoded);
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server sent a value that is not canonical padded base64url", e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws TacitClientException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + request.uri(), e);
        }
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        return response;
    }

    private static TacitClientException problem(HttpResponse<byte[]> response) {
        Long retryAfter = response.headers().firstValue("Retry-After").map(JsonApi::seconds).orElse(null);
        boolean isProblem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (!isProblem) {
            return new ProblemResponseException(response.statusCode(), "about:blank", null, null, null, retryAfter);
        }
        try {
            JsonObject problem = parse(response);
            Map<String, String> members = new HashMap<>();
            problem.forEach((name, value) -> {
                if (value instanceof JsonString string) {
                    members.put(name, string.getString());
                }
            });
            return new ProblemResponseException(response.statusCode(), problem.getString("type", "about:blank"),
                    problem.getString("title", null), problem.getString("detail", null),
                    problem.getString("field", null), retryAfter, members);
        } catch (ServerUnreachableException e) {
            return e;
        }
    }

    private static Long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return null; // an HTTP-date; Tacit sends seconds
        }
    }

    private static JsonObject parse(HttpResponse<byte[]> response) throws ServerUnreachableException {
        if (response.body().length == 0) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(response.body(),
                StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ServerUnreachableException("the server's answer is not a JSON object", e);
        }
    }
}
