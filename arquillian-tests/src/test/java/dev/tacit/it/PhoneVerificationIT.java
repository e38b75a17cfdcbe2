package dev.tacit.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.SmsProviderStubObserver;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TacitSchema;
import dev.tacit.arquillian.TestNumbers;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.arquillian.VerificationRequests.assertProblem;
import static dev.tacit.arquillian.VerificationRequests.codeSentTo;
import static dev.tacit.arquillian.VerificationRequests.confirm;
import static dev.tacit.arquillian.VerificationRequests.otherThan;
import static dev.tacit.arquillian.VerificationRequests.post;
import static dev.tacit.arquillian.VerificationRequests.requestCode;
import static dev.tacit.arquillian.VerificationRequests.sendProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone verification through the real endpoints, with the server texting through the Twilio API stub
 * ({@link SmsProviderStub}): each code is bound to the send whose proof comes back with it. Each test uses
 * numbers of a send prefix of its own ({@link TestNumbers}), so no limit is spent by another test; every one
 * checks that nothing but abuse counters was stored in the database. The limits are {@link VerificationLimitsIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
class PhoneVerificationIT {

    private static final Duration CODE_VALIDITY = SmsProviderStubObserver.CODE_VALIDITY;

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private Map<String, Long> storedBefore;

    @BeforeEach
    void rememberWhatIsStored() {
        storedBefore = storedBesidesCounters();
    }

    /**
     * No table gained a row. Rows may go meanwhile: other tests' expired records, which the purge jobs delete when
     * a test moves the clock.
     */
    @AfterEach
    void nothingWasStored() {
        ServerClock.reset();
        Map<String, Long> after = storedBesidesCounters();
        assertEquals(storedBefore.keySet(), after.keySet(), "the tables");
        storedBefore.forEach((table, rows) -> assertTrue(after.get(table) <= rows,
                "verification stores nothing but abuse counters, yet " + table + " grew: " + storedBefore + " -> " + after));
    }

    @Test
    void theTextedCodeAndTheSendProofBuyATokenForTheNumber() {
        String number = numbers.next();
        HttpResponse<String> sent = requestCode(TestNumbers.typed(number));

        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals("application/json", sent.headers().firstValue("Content-Type").orElse(""));
        Instant expiresAt = Instant.parse(TacitHttp.json(sent).getString("expiresAt"));
        assertTrue(Duration.between(ServerClock.instant(), expiresAt).compareTo(CODE_VALIDITY) <= 0);
        assertTrue(Duration.between(ServerClock.instant(), expiresAt).compareTo(CODE_VALIDITY.minusMinutes(1)) > 0);
        assertEquals(List.of("Your Tacit code: " + codeSentTo(number)), SmsProviderStub.messagesTo(number));

        HttpResponse<String> confirmed = confirm(TestNumbers.typed(number), codeSentTo(number), sendProof(sent));

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonObject body = TacitHttp.json(confirmed);
        String token = body.getString("verificationToken");
        assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(ServerClock.instant().plusSeconds(60)));
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        assertTrue(new String(payload, StandardCharsets.US_ASCII).endsWith(number),
                "the token names the E.164 number");
    }

    @Test
    void theSendProofHasTheDocumentedLayout() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));

        String[] parts = proof.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        assertEquals(2, parts.length);
        assertEquals(2, payload[0], "kind: send proof");
        long sentAt = java.nio.ByteBuffer.wrap(payload, 17, 8).getLong();
        assertTrue(Math.abs(sentAt - ServerClock.instant().getEpochSecond()) < 60, "issued now: " + sentAt);
        assertEquals(number, new String(payload, 25, payload.length - 25, StandardCharsets.US_ASCII));
        assertEquals(32, Base64.getUrlDecoder().decode(parts[1]).length);
    }

    @Test
    void confirmingTwiceGivesDistinctTokens() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));
        String code = codeSentTo(number);

        String first = TacitHttp.json(confirm(number, code, proof)).getString("verificationToken");
        String second = TacitHttp.json(confirm(number, code, proof)).getString("verificationToken");

        assertNotEquals(first, second, "each token carries its own nonce, which account creation makes single-use");
    }

    @Test
    void eachSendHasItsOwnCode() {
        String number = numbers.next();
        String firstProof = sendProof(requestCode(number));
        String firstCode = codeSentTo(number);
        String secondProof = sendProof(requestCode(number));
        String secondCode = codeSentTo(number);

        assertNotEquals(firstProof, secondProof);
        assertEquals(200, confirm(number, secondCode, secondProof).statusCode());
        assertEquals(200, confirm(number, firstCode, firstProof).statusCode(), "an earlier send stays good");
        if (!firstCode.equals(secondCode)) { // one time in a million both sends have the same code
            assertProblem(confirm(number, firstCode, secondProof), 400, "urn:tacit:problem:wrong-verification-code");
        }
    }

    @Test
    void aWrongCodeIsRefused() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));

        HttpResponse<String> response = confirm(number, otherThan(codeSentTo(number)), proof);

        assertProblem(response, 400, "urn:tacit:problem:wrong-verification-code");
    }

    @Test
    void aSendProofForAnotherNumberIsRefused() {
        String number = numbers.next();
        String other = numbers.next();
        String proof = sendProof(requestCode(number));

        HttpResponse<String> response = confirm(other, codeSentTo(number), proof);

        assertProblem(response, 400, "urn:tacit:problem:invalid-send-proof");
    }

    @Test
    void aForgedSendProofIsRefused() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));
        String code = codeSentTo(number);
        byte[] payload = Base64.getUrlDecoder().decode(proof.substring(0, proof.indexOf('.')));
        payload[20] ^= 1; // a later send time
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + proof.substring(proof.indexOf('.'));

        assertProblem(confirm(number, code, forged), 400, "urn:tacit:problem:invalid-send-proof");
        assertProblem(confirm(number, code, "not-a-proof"), 400, "urn:tacit:problem:invalid-send-proof");
    }

    @Test
    void aConfirmationWithoutASendProofIsRefused() {
        HttpResponse<String> response = post("verification/confirm", "{\"number\": \"+14155550110\", \"code\": \"123456\"}");

        JsonObject problem = assertProblem(response, 400, "urn:tacit:problem:invalid-request");
        assertEquals("sendProof", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aCodeAndItsProofExpireAfterTheCodeValidity() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));
        String code = codeSentTo(number);

        ServerClock.advance(CODE_VALIDITY.minusSeconds(5));
        HttpResponse<String> stillValid = confirm(number, code, proof);
        ServerClock.advance(Duration.ofSeconds(5));
        HttpResponse<String> expired = confirm(number, code, proof);

        assertEquals(200, stillValid.statusCode(), stillValid.body());
        assertProblem(expired, 400, "urn:tacit:problem:expired-send-proof");
    }

    @Test
    void anInvalidNumberIsRefused() {
        String proof = sendProof(requestCode(numbers.next()));
        for (String number : List.of("4155550100", "+1 415 555", "+999 1234567", "phone")) {
            assertProblem(requestCode(number), 400, "urn:tacit:problem:invalid-phone-number");
            assertProblem(confirm(number, "123456", proof), 400, "urn:tacit:problem:invalid-phone-number");
        }
    }

    @Test
    void malformedJsonIsRefused() {
        HttpResponse<String> response = post("verification/confirm", "{\"number\": \"+14155550100\", ");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("about:blank", TacitHttp.json(response).getString("type"));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void jsonOfTheWrongShapeIsRefused() {
        HttpResponse<String> response = post("verification/confirm", "[\"+14155550100\", \"123456\"]");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("about:blank", TacitHttp.json(response).getString("type"));
    }

    @Test
    void constraintViolationsNameTheirMembers() {
        HttpResponse<String> response = post("verification/confirm", "{\"code\": \"12ab\"}");

        JsonObject problem = assertProblem(response, 400, "urn:tacit:problem:invalid-request");
        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .toList();
        assertEquals(List.of("code", "number", "sendProof"), fields);
        assertFalse(problem.getJsonArray("errors").getJsonObject(0).getString("message").isBlank());
    }

    @Test
    void aMissingBodyIsRefused() {
        HttpResponse<String> response = post("verification/code", "");

        JsonObject problem = assertProblem(response, 400, "urn:tacit:problem:invalid-request");
        assertEquals("", problem.getJsonArray("errors").getJsonObject(0).getString("field"), "the body itself");
    }

    @Test
    void aProviderFailureIsABadGatewayProblem() {
        HttpResponse<String> response = requestCode(SmsProviderStub.FAILING_NUMBER);

        assertProblem(response, 502, "urn:tacit:problem:sms-delivery-failed");
    }

    /**
     * The row counts of every table but abuse_counter and request_nonce, whose expired rows the scheduled purge
     * deletes whenever a test moves the clock (request nonces come from other tests' signed requests), and the
     * batch job repository's, which records those runs of the jobs (JBeret's tables: nothing of a verification).
     */
    private static Map<String, Long> storedBesidesCounters() {
        Map<String, Long> counts = TacitSchema.rowCounts();
        counts.remove("abuse_counter");
        counts.remove("request_nonce");
        counts.keySet().removeAll(JOB_REPOSITORY);
        return counts;
    }

    private static final Set<String> JOB_REPOSITORY = Set.of("job_instance", "job_execution", "step_execution",
            "partition_execution");
}
