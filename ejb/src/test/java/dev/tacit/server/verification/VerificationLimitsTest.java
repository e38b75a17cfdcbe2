package dev.tacit.server.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tacit.server.settings.TestSettings;
import dev.tacit.server.storetests.EmbeddedCaches;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Phone verification's abuse counters in real Infinispan caches (bounded local caches, as in the server):
 * 3 sends per number and 8 per prefix per hour, 3 wrong codes per number per 10-minute window.
 */
class VerificationLimitsTest {

    /** 10:20 into an hour and into a code window. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:20:00Z");
    private static final PhoneNumberNormalizer NORMALIZER = new PhoneNumberNormalizer();

    private static EmbeddedCaches caches;
    private static int cacheNumber;

    private VerificationLimits limits;

    @BeforeAll
    static void startCaches() {
        caches = new EmbeddedCaches();
    }

    @AfterAll
    static void stopCaches() {
        caches.close();
    }

    @BeforeEach
    void limitsWithEmptyCounters() {
        limits = new VerificationLimits();
        limits.settings = TestSettings.of(Map.of(
                "tacit.verification.window", "PT10M",
                "tacit.verification.send-period", "PT1H",
                "tacit.verification.sends-per-number", "3",
                "tacit.verification.sends-per-prefix", "8",
                "tacit.verification.wrong-codes-per-number", "3"));
        cacheNumber++;
        limits.sendCache = caches.cache("verification-sends-" + cacheNumber, 200_000);
        limits.failureCache = caches.cache("verification-failures-" + cacheNumber, 100_000);
        limits.connect();
    }

    @Test
    void aNumberGetsThreeTextsAnHourThenWaitsForTheNextHour() {
        NormalizedPhoneNumber number = number("+14155550100");
        for (int i = 0; i < 3; i++) {
            limits.countSend(number, NOW);
        }

        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limits.countSend(number, NOW));
        limits.countSend(number, Instant.parse("2026-11-25T11:00:00Z"));

        assertEquals(Duration.ofMinutes(40), refused.retryAfter());
    }

    @Test
    void numbersOfOnePrefixShareEightTextsAnHour() {
        for (int i = 0; i < 8; i++) {
            limits.countSend(number("+1415555010" + i), NOW);
        }

        assertThrows(RateLimitedException.class, () -> limits.countSend(number("+14155550108"), NOW));
        limits.countSend(number("+12025550100"), NOW); // another prefix
    }

    @Test
    void wrongCodesAreLimitedPerWindowAndRightOnesGiveTheirAttemptBack() {
        NormalizedPhoneNumber number = number("+14155550100");
        for (int i = 0; i < 10; i++) {
            limits.reserveAttempt(number, NOW);
            limits.releaseAttempt(number, NOW); // right codes do not count
        }
        for (int i = 0; i < 3; i++) {
            limits.reserveAttempt(number, NOW);
        }

        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limits.reserveAttempt(number, NOW));
        limits.reserveAttempt(number, Instant.parse("2026-11-25T10:30:00Z"));

        assertEquals(Duration.ofMinutes(10), refused.retryAfter());
    }

    @Test
    void parallelGuessesCannotOverrunTheWrongCodeLimit() throws Exception {
        NormalizedPhoneNumber number = number("+14155550100");
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            guesses.add(() -> {
                try {
                    limits.reserveAttempt(number, NOW);
                    return true;
                } catch (RateLimitedException e) {
                    return false;
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        long allowed;
        try {
            allowed = 0;
            for (Future<Boolean> guess : threads.invokeAll(guesses)) {
                allowed += guess.get() ? 1 : 0;
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(3, allowed);
    }

    private static NormalizedPhoneNumber number(String e164) {
        return NORMALIZER.normalize(e164);
    }
}
