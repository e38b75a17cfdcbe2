package dev.tacit.client.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import dev.tacit.client.JsonApi;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.CertificateAuthority;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.VerifiedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registration calls' requests and answers (docs/protocol.md §4.5–§4.7) against a loopback HTTP server. */
class RegistrationClientTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenChallenge CHALLENGE = TokenChallenge.forPurpose("tacit.example",
            TokenPurpose.FIRST_CONTACT, RedemptionContext.none());

    private static IssuerKeyPair issuer;

    private HttpServer server;
    private RegistrationClient client;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>();
    private final AtomicReference<Received> received = new AtomicReference<>();

    private record Received(String method, String path, Headers headers, byte[] body) {

        JsonObject json() {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        }
    }

    @BeforeAll
    static void issuerKey() {
        issuer = IssuerKeyPair.generate(RANDOM);
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status.get() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        client = new RegistrationClient(new JsonApi(URI.create("http://localhost:" + server.getAddress().getPort()),
                HttpClient.newHttpClient()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aSentCodeKeepsTheSendProofThatConfirmingPresents() throws Exception {
        reply(202, "{\"sendProof\":\"AgAB.tdd\",\"expiresAt\":\"2026-11-25T09:10:00Z\"}");

        SentCode sent = client.requestCode("+1 415 555 0100");

        assertEquals("/v1/verification/code", received.get().path());
        assertEquals("+1 415 555 0100", received.get().json().getString("number"));
        assertEquals("AgAB.tdd", sent.sendProof());
        assertEquals(Instant.parse("2026-11-25T09:10:00Z"), sent.expiresAt());
        assertFalse(sent.toString().contains("AgAB.tdd"));

        reply(200, "{\"verificationToken\":\"AW1l.x2Vt\",\"expiresAt\":\"2026-11-25T09:15:00Z\"}");
        VerificationToken token = client.confirm(sent, "042917");

        JsonObject confirmation = received.get().json();
        assertEquals("/v1/verification/confirm", received.get().path());
        assertEquals("+1 415 555 0100", confirmation.getString("number"));
        assertEquals("042917", confirmation.getString("code"));
        assertEquals("AgAB.tdd", confirmation.getString("sendProof"));
        assertEquals("AW1l.x2Vt", token.value());
    }

    @Test
    void aLockedRegistrationIsATypedExceptionSayingWhenTheLockLapses() throws Exception {
        reply(423, "{\"type\":\"urn:tacit:problem:registration-locked\",\"title\":\"Registration locked\","
                + "\"status\":423,\"detail\":\"in use\",\"lockedUntil\":\"2026-12-02T09:00:00Z\"}");
        AccountSetup setup = setup("+14155550100");

        RegistrationLockedException locked = assertThrows(RegistrationLockedException.class, () -> client.register(
                new VerificationToken("AW1l.x2Vt", Instant.now()), setup, pinnedCa(), Instant.now()));

        assertEquals(Instant.parse("2026-12-02T09:00:00Z"), locked.lockedUntil());
        assertEquals(423, locked.status());
        assertEquals("AW1l.x2Vt", received.get().json().getString("verificationToken"));
    }

    @Test
    void otherProblemsOfARegistrationStayProblems() throws Exception {
        reply(409, "{\"type\":\"urn:tacit:problem:verification-already-used\",\"title\":\"Used\",\"status\":409}");
        AccountSetup setup = setup("+14155550100");

        ProblemResponseException problem = assertThrows(ProblemResponseException.class, () -> client.register(
                new VerificationToken("AW1l.x2Vt", Instant.now()), setup, pinnedCa(), Instant.now()));

        assertFalse(problem instanceof RegistrationLockedException);
        assertEquals("urn:tacit:problem:verification-already-used", problem.type());
    }

    @Test
    void aReRegistrationIsSignedByTheCurrentKeyForTheNumberAndCarriesNoToken() throws Exception {
        reply(401, "{\"type\":\"urn:tacit:problem:unauthenticated\",\"title\":\"Unauthenticated\",\"status\":401}");
        PhoneNumber number = PhoneNumber.of("+14155550100");
        IdentityKeyPair current = IdentityKeyPair.generate(RANDOM);
        AccountSetup setup = setup(number.e164());

        assertThrows(ProblemResponseException.class,
                () -> client.reRegister(current, setup, pinnedCa(), Clock.systemUTC(), RANDOM));

        Received request = received.get();
        HttpFields.Builder headers = HttpFields.builder();
        request.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        URI target = URI.create("http://localhost:" + server.getAddress().getPort() + request.path());
        VerifiedRequest verified = new RequestVerifier(keyId -> keyId.equals(number.e164())
                ? Optional.of(AccountRequestKeys.verificationKey(current.publicKey())) : Optional.empty(),
                Clock.systemUTC(), RequestVerifier.DEFAULT_FRESHNESS_WINDOW)
                .verify(HttpRequestParts.of(request.method(), target, headers.build(), request.body()));
        assertEquals(number.e164(), verified.keyId());
        assertEquals("POST /v1/accounts", request.method() + " " + request.path());
        JsonObject body = request.json();
        assertFalse(body.containsKey("verificationToken"));
        assertTrue(body.containsKey("certificationRequest") && body.getJsonArray("tokenRequests").size() == 5);
    }

    private void reply(int statusCode, String json) {
        status.set(statusCode);
        answer.set(json);
    }

    private static AccountSetup setup(String number) throws Exception {
        return AccountSetup.generate(PhoneNumber.of(number), issuer.publicKey(), CHALLENGE, RANDOM);
    }

    private static PinnedCaVerifier pinnedCa() {
        CaCertificate ca = CertificateAuthority.create(IdentityKeyPair.generate(RANDOM), "Tacit CA test",
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), RANDOM).certificate();
        return new PinnedCaVerifier(ca);
    }
}
