package dev.tacit.arquillian;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

/** Real HTTP to the server under test: the API on the HTTP port, health on the management port. */
public final class TacitHttp {

    public static final URI ROOT = URI.create("http://localhost:" + TestPorts.http() + "/");
    public static final URI API = ROOT.resolve("v1/");
    public static final URI WELL_KNOWN = ROOT.resolve(".well-known/");
    public static final URI HEALTH = URI.create("http://localhost:" + TestPorts.management() + "/health/");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TacitHttp() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds to {@code request} the headers of {@code account}'s signature (docs/protocol.md §5) over
     * {@code method}, {@code target} and the JSON {@code content} the request carries, and its content type.
     */
    public static HttpRequest.Builder signJson(HttpRequest.Builder request, String method, URI target, byte[] content,
                                               RegisteredAccount account) {
        request.header("Content-Type", "application/json");
        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(), account.keys().identity()),
                ServerClock.clock(), TestAccounts.RANDOM)
                .sign(HttpRequestParts.of(method, target, HttpFields.builder().add("Content-Type", "application/json")
                        .build(), content))
                .asMap().forEach(request::header);
        return request;
    }

    public static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public static HttpResponse<byte[]> getBytes(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
