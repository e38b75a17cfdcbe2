package dev.tacit.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.SmsProviderStubObserver;
import dev.tacit.arquillian.TestNumbers;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.arquillian.VerificationRequests.assertProblem;
import static dev.tacit.arquillian.VerificationRequests.codeOfText;
import static dev.tacit.arquillian.VerificationRequests.codeSentTo;
import static dev.tacit.arquillian.VerificationRequests.confirm;
import static dev.tacit.arquillian.VerificationRequests.otherThan;
import static dev.tacit.arquillian.VerificationRequests.requestCode;
import static dev.tacit.arquillian.VerificationRequests.retryAfterSeconds;
import static dev.tacit.arquillian.VerificationRequests.sendProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone verification's limits (docs/protocol.md §4.5, §4.6) through the real endpoints, with the server's clock
 * moved into fresh windows instead of waiting: wrong codes per send; texts per number per hour and per day, per
 * prefix and overall per hour; each refused beyond its limit and allowed again in the next window; and the
 * lock-out bound: a third party's wrong codes never stop the owner confirming its own send. Each test uses
 * numbers of prefixes of its own ({@link TestNumbers}).
 */
@ExtendWith(ArquillianExtension.class)
class VerificationLimitsIT {

    private static final Duration CODE_VALIDITY = SmsProviderStubObserver.CODE_VALIDITY;
    private static final Duration HOUR = SmsProviderStubObserver.SEND_PERIOD;
    private static final Duration DAY = Duration.ofDays(1);
    private static final int WRONG_CODES_PER_SEND = SmsProviderStubObserver.WRONG_CODES_PER_SEND;

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void wrongCodesPerSendAreLimitedEvenForTheRightCodeAndANewSendHasItsOwn() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));
        String code = codeSentTo(number);
        for (int i = 0; i < WRONG_CODES_PER_SEND; i++) {
            assertProblem(confirm(number, otherThan(code), proof), 400,
                    "urn:tacit:problem:wrong-verification-code");
        }

        HttpResponse<String> refused = confirm(number, code, proof);
        String newProof = sendProof(requestCode(number));
        HttpResponse<String> newSend = confirm(number, codeSentTo(number), newProof);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertTrue(retryAfterSeconds(refused) <= CODE_VALIDITY.getSeconds(), "until the send's proof expires");
        assertEquals(200, newSend.statusCode(), newSend.body());
    }

    @Test
    void aRightCodeDoesNotSpendTheSendsWrongCodes() {
        String number = numbers.next();
        String proof = sendProof(requestCode(number));
        String code = codeSentTo(number);
        for (int i = 0; i < 2 * WRONG_CODES_PER_SEND; i++) {
            assertEquals(200, confirm(number, code, proof).statusCode());
        }
        for (int i = 0; i < WRONG_CODES_PER_SEND; i++) {
            assertProblem(confirm(number, otherThan(code), proof), 400,
                    "urn:tacit:problem:wrong-verification-code");
        }

        assertProblem(confirm(number, code, proof), 429, "urn:tacit:problem:rate-limited");
    }

    @Test
    void textsPerNumberAreLimitedPerHourUntilTheNextHour() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(HOUR);
        for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_NUMBER; i++) {
            assertEquals(202, requestCode(number).statusCode());
        }

        HttpResponse<String> refused = requestCode(number);
        ServerClock.advance(HOUR);
        HttpResponse<String> nextHour = requestCode(number);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, HOUR.minusSeconds(1));
        assertEquals(202, nextHour.statusCode(), nextHour.body());
        assertEquals(SmsProviderStubObserver.SENDS_PER_NUMBER + 1, SmsProviderStub.messagesTo(number).size());
    }

    @Test
    void textsPerNumberAreLimitedPerDayUntilTheNextDay() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(DAY);
        int sent = 0;
        while (sent < SmsProviderStubObserver.SENDS_PER_NUMBER_PER_DAY) {
            for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_NUMBER; i++, sent++) {
                assertEquals(202, requestCode(number).statusCode(), "text " + sent);
            }
            ServerClock.advance(HOUR);
        }

        HttpResponse<String> refused = requestCode(number);
        ServerClock.advanceToNextWindow(DAY);
        HttpResponse<String> nextDay = requestCode(number);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertTrue(retryAfterSeconds(refused) > HOUR.getSeconds(), "until the day ends: " + retryAfterSeconds(refused));
        assertTrue(retryAfterSeconds(refused) <= DAY.getSeconds());
        assertEquals(202, nextDay.statusCode(), nextDay.body());
        assertEquals(SmsProviderStubObserver.SENDS_PER_NUMBER_PER_DAY + 1, SmsProviderStub.messagesTo(number).size());
    }

    @Test
    void textsPerPrefixAreLimitedUntilTheNextHour() {
        ServerClock.advanceToNextWindow(HOUR);
        for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_PREFIX; i++) {
            assertEquals(202, requestCode(numbers.next()).statusCode());
        }

        String oneTooMany = numbers.next();
        HttpResponse<String> refused = requestCode(oneTooMany);
        ServerClock.advance(HOUR);
        HttpResponse<String> nextHour = requestCode(oneTooMany);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, HOUR.minusSeconds(1));
        assertEquals(202, nextHour.statusCode(), nextHour.body());
        assertEquals(1, SmsProviderStub.messagesTo(oneTooMany).size(), "sent only in the next hour");
    }

    @Test
    void textsOverallAreLimitedUntilTheNextHour() throws Exception {
        // An hour no other test texts in: what they text in theirs does not count here.
        ServerClock.advance(Duration.ofHours(55));
        ServerClock.advanceToNextWindow(HOUR);
        List<String> spread = numbersAcrossPrefixes(SmsProviderStubObserver.SENDS_OVERALL + 1);
        List<Callable<Integer>> texts = spread.subList(0, SmsProviderStubObserver.SENDS_OVERALL).stream()
                .map(number -> (Callable<Integer>) () -> requestCode(number).statusCode())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Integer> status : pool.invokeAll(texts)) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        String last = spread.get(SmsProviderStubObserver.SENDS_OVERALL);

        HttpResponse<String> refused = requestCode(last);
        ServerClock.advance(HOUR);
        HttpResponse<String> nextHour = requestCode(last);

        assertProblem(refused, 429, "urn:tacit:problem:rate-limited");
        assertRetryAfterAbout(refused, HOUR.minusSeconds(1));
        assertEquals(202, nextHour.statusCode(), nextHour.body());
    }

    /**
     * The lock-out bound: guesses are charged to the guesser's own send. A third party that texts the number
     * itself and spends every wrong code of its sends (twice what the owner's send allows) does not stop the
     * owner confirming its code. What it can spend is the number's texts this hour, until the hour ends.
     */
    @Test
    void aThirdPartysWrongCodesNeverStopTheOwnerConfirmingItsOwnSend() {
        String number = numbers.next();
        ServerClock.advanceToNextWindow(HOUR);
        String ownersProof = sendProof(requestCode(number));
        List<String> thirdPartysProofs = new ArrayList<>();
        for (int i = 1; i < SmsProviderStubObserver.SENDS_PER_NUMBER; i++) {
            thirdPartysProofs.add(sendProof(requestCode(number)));
        }
        String ownersCode = codeOfText(number, 0);
        for (String proof : thirdPartysProofs) {
            for (int i = 0; i < WRONG_CODES_PER_SEND; i++) {
                HttpResponse<String> guess = confirm(number, guessOtherThan(ownersCode, i), proof);
                assertTrue(guess.statusCode() == 400 || guess.statusCode() == 200, guess.body());
            }
            assertProblem(confirm(number, ownersCode, proof), 429, "urn:tacit:problem:rate-limited");
        }

        HttpResponse<String> owner = confirm(number, ownersCode, ownersProof);
        HttpResponse<String> anotherText = requestCode(number);
        ServerClock.advance(HOUR);
        HttpResponse<String> nextHour = requestCode(number);

        assertEquals(200, owner.statusCode(), owner.body());
        assertProblem(anotherText, 429, "urn:tacit:problem:rate-limited");
        assertEquals(202, nextHour.statusCode(), nextHour.body());
    }

    /** A wrong code for the owner's send (it may happen to be right for the third party's own send). */
    private static String guessOtherThan(String code, int i) {
        return String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
    }

    /**
     * {@code count} distinct valid numbers, at most {@link SmsProviderStubObserver#SENDS_PER_PREFIX} per prefix,
     * each prefix one no other test uses.
     */
    private static List<String> numbersAcrossPrefixes(int count) {
        List<String> spread = new ArrayList<>(count);
        while (spread.size() < count) {
            TestNumbers prefix = TestNumbers.freshPrefix();
            for (int i = 0; i < SmsProviderStubObserver.SENDS_PER_PREFIX && spread.size() < count; i++) {
                spread.add(prefix.next());
            }
        }
        return spread;
    }

    /** The time left in the window, which the test began one second into, less what the test took. */
    private static void assertRetryAfterAbout(HttpResponse<String> response, Duration remaining) {
        long seconds = retryAfterSeconds(response);
        assertTrue(seconds <= remaining.getSeconds() && seconds > remaining.getSeconds() - 120, "Retry-After " + seconds);
    }
}
