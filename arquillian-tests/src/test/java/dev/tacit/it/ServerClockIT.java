package dev.tacit.it;

import java.time.Duration;
import java.time.Instant;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.client.registration.VerificationToken;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployed server's time is the test clock's: moved forward by the tests, back on reset. */
@ExtendWith(ArquillianExtension.class)
class ServerClockIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    /** The server's default verification-token validity. */
    private static final Duration TOKEN_VALIDITY = Duration.ofMinutes(15);

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void theServerTellsTimeByTheMovedClock() throws Exception {
        String number = numbers.next();
        ServerClock.advance(Duration.ofDays(3));

        VerificationToken token = TestAccounts.verify(number);

        assertCloseTo(Instant.now().plus(Duration.ofDays(3)).plus(TOKEN_VALIDITY), token.expiresAt());
    }

    @Test
    void resetReturnsToTheSystemClock() throws Exception {
        String number = numbers.next();
        ServerClock.advance(Duration.ofDays(3));
        ServerClock.reset();

        VerificationToken token = TestAccounts.verify(number);

        assertCloseTo(Instant.now().plus(TOKEN_VALIDITY), token.expiresAt());
        assertCloseTo(Instant.now(), ServerClock.instant());
    }

    @Test
    void theClockOnlyMovesForward() {
        assertThrows(IllegalArgumentException.class, () -> ServerClock.advance(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> ServerClock.advanceTo(Instant.now().minusSeconds(60)));
    }

    private static void assertCloseTo(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofSeconds(30)) < 0,
                "expected about " + expected + ", was " + actual);
    }
}
