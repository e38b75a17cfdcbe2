package dev.tacit.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.client.LoopbackServer.Answer;
import dev.tacit.client.LoopbackServer.Received;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client's HTTP layer against a real HTTP server on loopback. */
class JsonApiTest {

    private LoopbackServer server;
    private JsonApi api;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.start();
        api = server.api();
    }

    @AfterEach
    void stopServer() {
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
        server.answer(new Answer(429, "application/problem+json",
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
        server.answer(new Answer(200, "application/json", "<html>", null));

        assertThrows(ServerUnreachableException.class, () -> api.post("/v1/thing", JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void binaryMembersOfAnAnswerMustBeCanonicalBase64Url() throws Exception {
        assertArrayEquals(new byte[] {'f'}, JsonApi.fromBase64Url("Zg"));
        assertArrayEquals(new byte[] {'f'}, JsonApi.fromPaddedBase64Url("Zg=="));

        assertThrows(ServerUnreachableException.class, () -> JsonApi.fromBase64Url("Zg=="));
        assertThrows(ServerUnreachableException.class, () -> JsonApi.fromBase64Url("Zh"));
        assertThrows(ServerUnreachableException.class, () -> JsonApi.fromBase64Url("Z+"));
        assertThrows(ServerUnreachableException.class, () -> JsonApi.fromPaddedBase64Url("Zg"));
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
