package dev.tacit.client.registration;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import jakarta.json.JsonObject;

import dev.tacit.client.LoopbackServer;
import dev.tacit.client.LoopbackServer.Answer;
import dev.tacit.client.LoopbackServer.Received;
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

    private LoopbackServer server;
    private RegistrationClient client;

    @BeforeAll
    static void issuerKey() {
        issuer = IssuerKeyPair.generate(RANDOM);
    }

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.start();
        client = new RegistrationClient(server.direct());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSentCodeKeepsTheSendProofThatConfirmingPresents() throws Exception {
        reply(202, "{\"sendProof\":\"AgAB.tdd\",\"expiresAt\":\"2026-11-25T09:10:00Z\"}");

        SentCode sent = client.requestCode("+1 415 555 0100");

        assertEquals("/v1/verification/code", server.received().path());
        assertEquals("+1 415 555 0100", server.received().json().getString("number"));
        assertEquals("AgAB.tdd", sent.sendProof());
        assertEquals(Instant.parse("2026-11-25T09:10:00Z"), sent.expiresAt());
        assertFalse(sent.toString().contains("AgAB.tdd"));

        reply(200, "{\"verificationToken\":\"AW1l.x2Vt\",\"expiresAt\":\"2026-11-25T09:15:00Z\"}");
        VerificationToken token = client.confirm(sent, "042917");

        JsonObject confirmation = server.received().json();
        assertEquals("/v1/verification/confirm", server.received().path());
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
        assertEquals("AW1l.x2Vt", server.received().json().getString("verificationToken"));
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

        Received request = server.received();
        VerifiedRequest verified = request.verifySignature(server.origin(), number, current.publicKey());
        assertEquals(number.e164(), verified.keyId());
        assertEquals("POST /v1/accounts", request.method() + " " + request.path());
        JsonObject body = request.json();
        assertFalse(body.containsKey("verificationToken"));
        assertTrue(body.containsKey("certificationRequest") && body.getJsonArray("tokenRequests").size() == 5);
    }

    private void reply(int status, String json) {
        server.answer(Answer.json(status, json));
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
