package dev.tacit.it;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.RawHttp;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.registration.RegisteredAccount;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request content is bounded before it is read (docs/protocol.md §4.1): over 64 KiB (96 KiB for a send) is a
 * 413 problem on every endpoint the OpenAPI document lists, whatever its method, anonymous and, where the
 * endpoint takes a signature, signed, with a declared length or chunked.
 */
@ExtendWith(ArquillianExtension.class)
class ContentLimitIT {

    private static final int LIMIT = 64 * 1024;
    /** The bound of POST /v1/messages, which follows from the largest sealed envelope (§4.12). */
    private static final int MESSAGES_LIMIT = 96 * 1024;

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @Test
    void everyEndpointRefusesMoreThanItsBoundWith413() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        List<String> checked = new ArrayList<>();

        for (Map.Entry<String, JsonValue> path : openApiPaths().entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                if (!(operation.getValue() instanceof JsonObject details)) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                byte[] oversized = json(limitOf(method, path.getKey()) + 1);
                URI target = TacitHttp.ROOT.resolve(path.getKey().substring(1).replaceAll("\\{[^}]*}", "x"));
                for (RegisteredAccount signer : isSigned(details) ? new RegisteredAccount[] {null, account}
                        : new RegisteredAccount[] {null}) {
                    for (boolean chunked : new boolean[] {false, true}) {
                        HttpResponse<String> response = send(method, target, oversized, chunked, signer);

                        assertContentTooLarge(response, method + " " + path.getKey() + (signer != null ? ", signed" : "")
                                + (chunked ? ", chunked" : ""));
                    }
                }
                checked.add(method + " " + path.getKey());
            }
        }

        assertEquals(new TreeSet<>(List.of("GET /.well-known/private-token-issuer-directory", "GET /v1/server",
                        "GET /v1/ca-certificates", "GET /v1/ca-certificates/current", "POST /v1/verification/code",
                        "POST /v1/verification/confirm", "POST /v1/accounts", "GET /v1/account",
                        "PUT /v1/account/pre-key", "PUT /v1/account/group-public-key",
                        "POST /v1/account/discovery-tokens", "GET /v1/discovery/token-keys",
                        "POST /v1/discovery/lookup", "POST /v1/messages",
                        "GET /v1/account/messages", "DELETE /v1/account/messages/{id}",
                        "GET /v1/account/messages/events", "POST /v1/account/push-subscriptions",
                        "DELETE /v1/account/push-subscriptions/{id}",
                        "POST /v1/account/first-contact-tokens/{handle}/release",
                        "POST /v1/account/first-contact-tokens/{handle}/spam", "POST /v1/first-contact-tokens/state",
                        "POST /v1/first-contact-tokens/refresh", "GET /v1/reputation/stamp-keys",
                        "POST /v1/account/reputation-tokens",
                        "POST /v1/account/group-key-updates", "POST /v1/group-key-updates",
                        "POST /v1/account/bulk-sender/challenge",
                        "POST /v1/account/bulk-sender/proof", "POST /v1/account/bulk-sender/tokens")),
                new TreeSet<>(checked),
                "the OpenAPI document lists every endpoint");
    }

    @Test
    void theBoundIsExactly64KiB() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        URI target = TacitHttp.API.resolve("account/pre-key");

        HttpResponse<String> atTheBound = send("PUT", target, json(LIMIT), false, account);
        HttpResponse<String> overIt = send("PUT", target, json(LIMIT + 1), false, account);

        assertEquals(400, atTheBound.statusCode(), "read and checked, refused only for its content: " + atTheBound.body());
        assertEquals("urn:tacit:problem:invalid-request", TacitHttp.json(atTheBound).getString("type"));
        assertContentTooLarge(overIt, "one byte over");
    }

    @Test
    void theBoundOfASendIsExactly96KiB() {
        URI target = TacitHttp.API.resolve("messages");

        HttpResponse<String> atTheBound = send("POST", target, json(MESSAGES_LIMIT), false, null);
        HttpResponse<String> overIt = send("POST", target, json(MESSAGES_LIMIT + 1), false, null);

        assertEquals(400, atTheBound.statusCode(), "read and checked, refused only for its content: " + atTheBound.body());
        assertEquals("urn:tacit:problem:invalid-request", TacitHttp.json(atTheBound).getString("type"));
        assertContentTooLarge(overIt, "one byte over");
    }

    private static int limitOf(String method, String path) {
        return method.equals("POST") && path.equals("/v1/messages") ? MESSAGES_LIMIT : LIMIT;
    }

    /**
     * Over a raw connection, so that nothing sends the content: the headers declare 10 MB, and the 413
     * problem comes back with not one byte of it sent.
     */
    @Test
    void aDeclaredLengthOverTheBoundIsRefusedBeforeAnyContentIsSent() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange("POST /v1/accounts HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n");

        assertEquals("HTTP/1.1 413 Request Entity Too Large", answer.statusLine());
        assertEquals("application/problem+json", answer.headers().get("Content-Type"));
        try (JsonReader problem = Json.createReader(new StringReader(answer.content()))) {
            assertEquals("urn:tacit:problem:content-too-large", problem.readObject().getString("type"));
        }
    }

    /** Whether the operation takes the request signature (§5): it lists the signature's security schemes. */
    private static boolean isSigned(JsonObject operation) {
        return operation.containsKey("security") && operation.getJsonArray("security").stream()
                .anyMatch(requirement -> requirement.asJsonObject().containsKey("signature"));
    }

    /** A JSON object of exactly {@code length} bytes. */
    private static byte[] json(int length) {
        String prefix = "{\"padding\":\"";
        String suffix = "\"}";
        char[] padding = new char[length - prefix.length() - suffix.length()];
        Arrays.fill(padding, 'a');
        return (prefix + new String(padding) + suffix).getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code content} with a Content-Length, or chunked; signed by {@code account} unless it is null. */
    private static HttpResponse<String> send(String method, URI target, byte[] content, boolean chunked,
                                             RegisteredAccount account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(method, chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))
                : HttpRequest.BodyPublishers.ofByteArray(content));
        if (account != null) {
            TacitHttp.signJson(request, method, target, content, account);
        } else {
            request.header("Content-Type", "application/json");
        }
        return TacitHttp.send(request);
    }

    private static JsonObject openApiPaths() {
        HttpResponse<String> document = TacitHttp.get(TacitHttp.ROOT.resolve("openapi?format=JSON"));
        assertEquals(200, document.statusCode(), document.body());
        return TacitHttp.json(document).getJsonObject("paths");
    }

    private static void assertContentTooLarge(HttpResponse<String> response, String what) {
        assertEquals(413, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        JsonObject problem = TacitHttp.json(response);
        assertEquals("urn:tacit:problem:content-too-large", problem.getString("type"), what);
        assertEquals(413, problem.getInt("status"), what);
    }
}
