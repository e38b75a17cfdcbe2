package dev.tacit.client.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.client.LoopbackServer;
import dev.tacit.client.LoopbackServer.Answer;
import dev.tacit.client.LoopbackServer.Received;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;
import dev.tacit.http.signature.VerifiedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The direct transport's JSON and problem handling against a real HTTP server on loopback. */
class DirectTransportTest {

    private LoopbackServer server;
    private DirectTransport api;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.start();
        api = server.direct();
    }

    @AfterEach
    void stopServer() {
        api.close();
        server.close();
    }

    @Test
    void postsJsonAndReadsTheJsonAnswer() throws Exception {
        server.answer(new Answer(200, "application/json", "{\"ok\":true}", null));

        JsonObject reply = api.post("/v1/thing", Json.createObjectBuilder().add("a", 1).build());

        assertEquals(true, reply.getBoolean("ok"));
        assertEquals("POST", server.received().method());
        assertEquals("{\"a\":1}", new String(server.received().body(), StandardCharsets.UTF_8));
    }

    @Test
    void aProblemAnswerBecomesATypedExceptionWithItsMembers() {
        server.answer(new Answer(400, "application/problem+json",
                "{\"type\":\"urn:tacit:problem:invalid-phone-number\",\"title\":\"Invalid\",\"status\":400,"
                        + "\"detail\":\"no\",\"field\":\"number\"}", null));

        ProblemResponseException problem = assertThrows(ProblemResponseException.class,
                () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));

        assertEquals(400, problem.status());
        assertEquals("urn:tacit:problem:invalid-phone-number", problem.type());
        assertEquals(Optional.of("number"), problem.field());
        assertEquals(Optional.empty(), problem.retryAfterSeconds());
    }

    @Test
    void aSpentLimitSaysWhenToTryAgain() {
        server.answer(new Answer(429, "application/problem+json",
                "{\"type\":\"urn:tacit:problem:rate-limited\",\"title\":\"Rate limited\",\"status\":429,"
                        + "\"detail\":\"later\"}", "42"));

        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));

        assertEquals(RateLimitedException.TYPE, limited.type());
        assertEquals(Optional.of(Duration.ofSeconds(42)), limited.retryAfter());
    }

    @Test
    void a429OfAnUnknownTypeIsStillASpentLimit() {
        server.answer(new Answer(429, "text/plain", "slow down", "7"));

        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> api.getJson("/x", "application/json"));

        assertEquals("about:blank", limited.type());
        assertEquals(Optional.of(Duration.ofSeconds(7)), limited.retryAfter());
    }

    @Test
    void cookiesAreNeitherKeptNorSent() throws Exception {
        server.answer(new Answer(200, "application/json", "{}", null, Map.of("Set-Cookie", "session=abc; Path=/")));

        api.getJson("/a", "application/json");
        api.getJson("/b", "application/json");

        assertEquals(2, server.requests().size());
        assertFalse(server.requests().get(1).headers().containsKey("Cookie"));
        assertEquals(List.of(JsonExchange.USER_AGENT), server.requests().get(1).headers().get("User-Agent"));
    }

    @Test
    void anAnswerThatIsNotJsonIsAProtocolFailure() {
        server.answer(new Answer(200, "application/json", "<html>", null));

        assertThrows(ServerUnreachableException.class, () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void binaryMembersOfAnAnswerMustBeCanonicalBase64Url() throws Exception {
        assertArrayEquals(new byte[] {'f'}, ServerAnswers.fromBase64Url("Zg"));
        assertArrayEquals(new byte[] {'f'}, ServerAnswers.fromPaddedBase64Url("Zg=="));

        assertThrows(ServerUnreachableException.class, () -> ServerAnswers.fromBase64Url("Zg=="));
        assertThrows(ServerUnreachableException.class, () -> ServerAnswers.fromBase64Url("Zh"));
        assertThrows(ServerUnreachableException.class, () -> ServerAnswers.fromBase64Url("Z+"));
        assertThrows(ServerUnreachableException.class, () -> ServerAnswers.fromPaddedBase64Url("Zg"));
    }

    @Test
    void aSignedRequestVerifiesAsTheServerWouldCheckIt() throws Exception {
        server.answer(new Answer(204, "application/json", "", null));
        PhoneNumber number = PhoneNumber.of("+15555550123");
        IdentityKeyPair identity = IdentityKeyPair.generate(new SecureRandom());
        RequestSigner signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), Clock.systemUTC(),
                new SecureRandom());

        api.signed("PUT", "/v1/account/pre-key?x=1", Json.createObjectBuilder().add("preKey", "AA").build(), signer);

        Received request = server.received();
        VerifiedRequest verified = request.verifySignature(server.origin(), number, identity.publicKey());
        assertEquals(number.e164(), verified.keyId());
        assertEquals(List.of("application/json"), request.headers().get("Content-Type"));
    }
}
