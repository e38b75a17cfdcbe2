package dev.tacit.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone verification through the real endpoints, with the server texting through the Twilio API stub
 * ({@link SmsProviderStub}). Each test uses numbers of a send prefix of its own ({@link TestNumbers}), so
 * no limit is spent by another test; every one checks that nothing was stored in the database.
 */
@ExtendWith(ArquillianExtension.class)
class PhoneVerificationIT {

    private static final Duration WINDOW = SmsProviderStubObserver.WINDOW;
    private static final Duration SEND_PERIOD = SmsProviderStubObserver.SEND_PERIOD;

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private Map<String, Long> storedBefore;

    @BeforeEach
    void rememberWhatIsStored() {
        storedBefore = TacitSchema.rowCounts();
    }

    @AfterEach
    void nothingWasStored() {
        ServerClock.reset();
        assertEquals(storedBefore, TacitSchema.rowCounts(), "verification stores nothing in the database");
    }

    @Test
    void theTextedCodeBuysATokenForTheNumber() {
        String number = numbers.next();
        HttpResponse<String> sent = requestCode(TestNumbers.typed(number));

        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals(List.of("Your Tacit code: " + codeSentTo(number)), SmsProviderStub.messagesTo(number));

        HttpResponse<String> confirmed = confirm(TestNumbers.typed(number), codeSentTo(number));

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonObject body = TacitHttp.json(confirmed);
        String token = body.getString("verificationToken");
        Instant expiresAt = Instant.parse(body.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(ServerClock.instant().plusSeconds(60)), "valid for minutes: " + expiresAt);
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        assertTrue(new String(payload, java.nio.charset.StandardCharsets.US_ASCII).endsWith(number),
                "the token names the E.164 number");
    }

    @Test
    void confirmingTwiceGivesDistinctTokens() {
        String number = numbers.next();
        requestCode(number);
        String code = codeSentTo(number);

        String first = TacitHttp.json(confirm(number, code)).getString("verificationToken");
        String second = TacitHttp.json(confirm(number, code)).getString("verificationToken");

        assertNotEquals(first, second, "each token carries its own nonce, which account creation makes single-use");
    }

    @Test
    void aWrongCodeIsRefused() {
        String number = numbers.next();
        requestCode(number);
        String code = codeSentTo(number);

        HttpResponse<String> response = confirm(number, otherThan(code));

        assertProblem(response, 400, "urn:tacit:problem:wrong-verification-code");
    }

    @Test
    void aCodeForAnotherNumberIsRefused() {
        String number = numbers.next();
        requestCode(number);

        HttpResponse<String> response = confirm(numbers.next(), codeSentTo(number));

        assertProblem(response, 400, "urn:tacit:problem:wrong-verification-code");
    }

    @Test
    void aCodeIsAcceptedInItsWindowAndTheNextAndExpiresAfter() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(WINDOW);
        requestCode(number);
        String code = codeSentTo(number);

        ServerClock.advance(WINDOW);
        HttpResponse<String> inTheNextWindow = confirm(number, code);
        ServerClock.advance(WINDOW);
        HttpResponse<String> inTheOneAfter = confirm(number, code);

        assertEquals(200, inTheNextWindow.statusCode(), inTheNextWindow.body());
        assertProblem(inTheOneAfter, 400, "urn:tacit:problem:wrong-verification-code");
    }

    @Test
    void anInvalidNumberIsRefused() {
        for (String number : List.of("4155550100", "+1 415 555", "+999 1234567", "phone")) {
            assertProblem(requestCode(number), 400, "urn:tacit:problem:invalid-phone-number");
            assertProblem(confirm(number, "123456"), 400, "urn:tacit:problem:invalid-phone-number");
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
        assertEquals(List.of("code", "number"), fields);
        assertFalse(problem.getJsonArray("errors").getJsonObject(0).getString("message").isBlank());
    }

    @Test
    void aMissingBodyIsRefused() {
        HttpResponse<String> response = post("verification/code", "");

        JsonObject problem = assertProblem(response, 400, "urn:tacit:problem:invalid-request");
        assertEquals("", problem.getJsonArray("errors").getJsonObject(0).getString("field"), "the body itself");
    }

    @Test
    void sendsPerNumberAreLimitedUntilTheSendPeriodEnds() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(SEND_PERIOD);
        for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_NUMBER; i++) {
            assertEquals(202, requestCode(number).statusCode());
        }

        HttpResponse<String> refused = requestCode(number);
        ServerClock.advance(SEND_PERIOD);
        HttpResponse<String> nextPeriod = requestCode(number);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, SEND_PERIOD.minusSeconds(1));
        assertEquals(202, nextPeriod.statusCode(), nextPeriod.body());
        assertEquals(SmsProviderStubObserver.SENDS_PER_NUMBER + 1, SmsProviderStub.messagesTo(number).size());
    }

    @Test
    void sendsPerPrefixAreLimitedUntilTheSendPeriodEnds() {
        ServerClock.advanceToNextWindow(SEND_PERIOD);
        for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_PREFIX; i++) {
            assertEquals(202, requestCode(numbers.next()).statusCode());
        }

        String oneTooMany = numbers.next();
        HttpResponse<String> refused = requestCode(oneTooMany);
        ServerClock.advance(SEND_PERIOD);
        HttpResponse<String> nextPeriod = requestCode(oneTooMany);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, SEND_PERIOD.minusSeconds(1));
        assertEquals(202, nextPeriod.statusCode(), nextPeriod.body());
        assertEquals(1, SmsProviderStub.messagesTo(oneTooMany).size(), "sent only in the next period");
    }

    @Test
    void wrongCodesPerNumberAreLimitedEvenForTheRightCodeUntilTheWindowEnds() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(WINDOW);
        requestCode(number);
        String code = codeSentTo(number);
        for (int i = 0; i < SmsProviderStubObserver.WRONG_CODES_PER_NUMBER; i++) {
            assertProblem(confirm(number, otherThan(code)), 400, "urn:tacit:problem:wrong-verification-code");
        }

        HttpResponse<String> refused = confirm(number, code);
        ServerClock.advance(WINDOW); // the code is still good in the next window, and the count starts anew
        HttpResponse<String> nextWindow = confirm(number, code);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, WINDOW.minusSeconds(1));
        assertEquals(200, nextWindow.statusCode(), nextWindow.body());
    }

    @Test
    void aProviderFailureIsABadGatewayProblem() {
        HttpResponse<String> response = requestCode(SmsProviderStub.FAILING_NUMBER);

        assertProblem(response, 502, "urn:tacit:problem:sms-delivery-failed");
    }

    private static HttpResponse<String> requestCode(String number) {
        return post("verification/code", Json.createObjectBuilder().add("number", number).build().toString());
    }

    private static HttpResponse<String> confirm(String number, String code) {
        return post("verification/confirm",
                Json.createObjectBuilder().add("number", number).add("code", code).build().toString());
    }

    private static HttpResponse<String> post(String path, String json) {
        return TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String codeSentTo(String e164) {
        return SmsProviderStub.latestCodeFor(e164).orElseThrow(() -> new AssertionError("no code was sent to " + e164));
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = TacitHttp.json(response);
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        return problem;
    }

    /** The time left in the window, which the test began one second into, less what the test took. */
    private static void assertRetryAfterAbout(HttpResponse<String> response, Duration remaining) {
        long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue(seconds <= remaining.getSeconds() && seconds > remaining.getSeconds() - 60, "Retry-After " + seconds);
    }
}
