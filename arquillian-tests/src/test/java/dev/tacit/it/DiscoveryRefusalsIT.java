package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.AtTheStartOfADiscoveryWindow;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TacitSchema;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.crypto.token.UnknownTokenKeyException;
import dev.tacit.crypto.wire.Base64Url;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What contact discovery refuses (docs/protocol.md §2.1.3, §4.10, §4.11): tokens of another purpose, window or
 * challenge, and every malformed request, each with a 4xx problem naming the member, and none of them spending
 * a token or storing anything.
 */
@ExtendWith({ArquillianExtension.class, AtTheStartOfADiscoveryWindow.class})
class DiscoveryRefusalsIT {

    private static final String INVALID_DISCOVERY_REQUEST = "urn:tacit:problem:invalid-discovery-request";
    private static final String INVALID_REQUEST = "urn:tacit:problem:invalid-request";

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final TestNumbers strangers = TestNumbers.freshPrefix();

    @Test
    void firstContactTokensAreNotDiscoveryTokensAndDiscoveryTokensAreNotFirstContactTokens() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        Token firstContact = account.tokens().get(0);
        Token discovery = TestDiscovery.tokens(account, 1).get(0);

        ProblemResponseException refused = assertThrows(ProblemResponseException.class, () -> TestDiscovery.api()
                .lookUp(List.of(PhoneNumber.of(strangers.next())), List.of(firstContact)));

        assertInvalid(refused, "tokens");
        assertTrue(refused.getMessage().contains("first-contact"), refused.getMessage());
        // No first-contact key verifies a discovery token: it cannot be spent as one.
        IssuerKeyRing firstContactKeys = IssuerKeyRing.of(publishedKeys("/.well-known/private-token-issuer-directory"));
        assertThrows(UnknownTokenKeyException.class, () -> new TokenVerifier(firstContactKeys).verify(discovery));
        for (IssuerPublicKey key : publishedKeys("/v1/discovery/token-keys")) {
            assertTrue(firstContactKeys.find(key.keyId()).isEmpty(), "a key of both directories");
        }
    }

    @Test
    void aTokenBlindedForAnotherWindowsChallengeIsRefusedThoughTheServerSignedIt() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        DiscoveryWindow window = TestDiscovery.currentWindow();
        DiscoveryApi api = TestDiscovery.api();
        String issuer = TestDiscovery.server().issuerName();
        // next week's challenge, blinded under this window's key: the server cannot see the difference
        DiscoveryWindow nextWeek = DiscoveryWindow.containing(window.start().plus(Duration.ofDays(7)),
                window.length());
        List<Token> forNextWeek = api.obtain(TestDiscovery.pending(api.keyFor(window), nextWeek.challenge(issuer), 1),
                TestDiscovery.signer(account)).tokens();

        ServerClock.advanceTo(nextWeek.start().plusSeconds(1));
        ProblemResponseException thenRefused = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(PhoneNumber.of(strangers.next())), forNextWeek));
        ServerClock.reset();
        ServerClock.advanceTo(window.start().plusSeconds(60));
        ProblemResponseException nowRefused = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(PhoneNumber.of(strangers.next())), forNextWeek));

        assertInvalid(thenRefused, "tokens"); // its key's window is over
        assertInvalid(nowRefused, "tokens"); // its challenge is not its key's window's
        assertTrue(nowRefused.getMessage().contains("challenge"), nowRefused.getMessage());
    }

    @Test
    void requestsBlindedForTheNextWindowsKeyAreNotSignedNorCounted() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        DiscoveryWindow window = TestDiscovery.currentWindow();
        DiscoveryApi api = TestDiscovery.api();
        IssuerPublicKey nextKey = api.keyFor(window.next()); // published before its window starts

        ProblemResponseException refused = assertThrows(ProblemResponseException.class, () -> api.obtain(
                TestDiscovery.pending(nextKey, window.next().challenge(TestDiscovery.server().issuerName()), 3),
                TestDiscovery.signer(account)));

        assertInvalid(refused, "tokenRequests");
        assertEquals(TestDiscovery.server().discoveryTokensPerWindow(), TestDiscovery.client(account).refill(),
                "nothing of the allowance was counted");
    }

    @Test
    void malformedLookUpsAreRefusedNamingTheMemberAndSpendNothing() throws Exception {
        List<Token> tokens = TestDiscovery.tokens(TestAccounts.register(numbers.next()), 3);
        String a = strangers.next();
        String b = strangers.next();
        String token = Base64Url.encode(tokens.get(0).encode());
        String other = Base64Url.encode(tokens.get(1).encode());
        Map<String, Long> before = TacitSchema.rowCounts();

        assertProblem(lookUp(List.of(), List.of()), INVALID_REQUEST, "numbers", "tokens");
        assertProblem(lookUp(hundredAndOne(), List.of(token)), INVALID_REQUEST, "numbers");
        assertProblem(lookUp(List.of(a, a), List.of(token, other)), INVALID_DISCOVERY_REQUEST, "numbers");
        assertProblem(lookUp(List.of("+0123"), List.of(token)), INVALID_DISCOVERY_REQUEST, "numbers");
        assertProblem(lookUp(List.of("+7"), List.of(token)), INVALID_DISCOVERY_REQUEST, "numbers");
        assertProblem(lookUp(List.of(a.substring(1)), List.of(token)), INVALID_DISCOVERY_REQUEST, "numbers");
        assertProblem(lookUp(List.of(a, b), List.of(token)), INVALID_DISCOVERY_REQUEST, "tokens");
        assertProblem(lookUp(List.of(a), List.of(token, other)), INVALID_DISCOVERY_REQUEST, "tokens");
        assertProblem(lookUp(List.of(a), List.of(Base64Url.encode(new byte[10]))), INVALID_DISCOVERY_REQUEST, "tokens");
        assertProblem(lookUp(List.of(a, b), List.of(token, token)), INVALID_DISCOVERY_REQUEST, "tokens");
        byte[] forged = tokens.get(2).encode();
        forged[forged.length - 1] ^= 1;
        assertProblem(lookUp(List.of(a, b), List.of(token, Base64Url.encode(forged))), INVALID_DISCOVERY_REQUEST,
                "tokens");
        assertProblem(lookUp(List.of(a), List.of(token + "=")), INVALID_REQUEST, "tokens[0]");
        HttpResponse<String> notJson = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("discovery/lookup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"numbers\":")));
        assertEquals(400, notJson.statusCode());
        assertEquals("about:blank", TacitHttp.json(notJson).getString("type"));

        assertEquals(before, TacitSchema.rowCounts(), "nothing was stored");
        assertEquals(3, TestDiscovery.api().lookUp(List.of(PhoneNumber.of(a), PhoneNumber.of(b),
                PhoneNumber.of(strangers.next())), tokens).size(), "and no token was spent");
    }

    @Test
    void malformedAllowanceRequestsAreRefusedNamingTheMember() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());

        assertProblem(obtain(account, "{\"tokenRequests\":[]}"), INVALID_REQUEST, "tokenRequests");
        assertProblem(obtain(account, "{\"tokenRequests\":[\"AAEC\", \"a+b\"]}"), INVALID_REQUEST, "tokenRequests[1]");
        assertProblem(obtain(account, "{\"tokenRequests\":[\"AAEC\"]}"), INVALID_DISCOVERY_REQUEST, "tokenRequests");
        assertProblem(obtain(account, "{}"), INVALID_REQUEST, "tokenRequests");

        assertEquals(TestDiscovery.server().discoveryTokensPerWindow(), TestDiscovery.client(account).refill(),
                "nothing of the allowance was counted");
    }

    private static void assertInvalid(ProblemResponseException refused, String field) {
        assertEquals(400, refused.status(), refused.getMessage());
        assertEquals(INVALID_DISCOVERY_REQUEST, refused.type());
        assertEquals(field, refused.field().orElseThrow());
    }

    /** A 400 problem of {@code type} naming {@code fields}: in {@code field}, or for invalid-request in {@code errors}. */
    private static void assertProblem(HttpResponse<String> response, String type, String... fields) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = TacitHttp.json(response);
        assertEquals(type, problem.getString("type"), response.body());
        if (type.equals(INVALID_REQUEST)) { // the broken constraints, each naming its member (§4.1)
            assertEquals(List.of(fields), problem.getJsonArray("errors").stream()
                    .map(error -> error.asJsonObject().getString("field")).distinct().toList(), response.body());
        } else {
            assertEquals(List.of(fields), List.of(problem.getString("field")), response.body());
        }
    }

    /** An allowance request with {@code body}, signed by {@code account}. */
    private static HttpResponse<String> obtain(RegisteredAccount account, String body) {
        URI target = TacitHttp.API.resolve("account/discovery-tokens");
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return TacitHttp.send(TacitHttp.signJson(HttpRequest.newBuilder(target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), "POST", target, content, account));
    }

    private static HttpResponse<String> lookUp(List<String> numbers, List<String> tokens) {
        JsonArrayBuilder numberArray = Json.createArrayBuilder();
        numbers.forEach(numberArray::add);
        JsonArrayBuilder tokenArray = Json.createArrayBuilder();
        tokens.forEach(tokenArray::add);
        String body = Json.createObjectBuilder().add("numbers", numberArray).add("tokens", tokenArray).build().toString();
        return TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("discovery/lookup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private List<String> hundredAndOne() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("+1555" + (1_000_000 + i));
        }
        return many;
    }

    private static List<IssuerPublicKey> publishedKeys(String path) throws Exception {
        List<IssuerPublicKey> keys = new ArrayList<>();
        JsonObject directory = TacitHttp.json(TacitHttp.get(URI.create("http://localhost:" + TestPorts.http() + path)));
        for (var entry : directory.getJsonArray("token-keys")) {
            keys.add(IssuerPublicKey.decode(Base64Url.decodePadded(entry.asJsonObject().getString("token-key"))));
        }
        return keys;
    }
}
