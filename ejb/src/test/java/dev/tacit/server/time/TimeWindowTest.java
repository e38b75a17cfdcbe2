package dev.tacit.server.time;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeWindowTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void countsWindowsFromTheEpoch() {
        TimeWindow window = TimeWindow.containing(Instant.ofEpochSecond(1_200), TEN_MINUTES);

        assertEquals(2, window.counter());
        assertEquals(Instant.ofEpochSecond(1_200), window.start());
        assertEquals(Instant.ofEpochSecond(1_800), window.end());
        assertEquals(1, window.previous().counter());
        assertEquals(Instant.ofEpochSecond(1_200), window.previous().end());
    }

    @Test
    void theLastSecondOfAWindowStillBelongsToIt() {
        assertEquals(1, TimeWindow.containing(Instant.ofEpochSecond(1_199, 999_999_999), TEN_MINUTES).counter());
    }

    @Test
    void remainingTimeIsRoundedUpAndAtLeastOneSecond() {
        TimeWindow window = TimeWindow.containing(Instant.ofEpochSecond(1_200), TEN_MINUTES);

        assertEquals(Duration.ofSeconds(600), window.remainingAfter(Instant.ofEpochSecond(1_200)));
        assertEquals(Duration.ofSeconds(1), window.remainingAfter(Instant.ofEpochSecond(1_799, 500_000_000)));
        assertEquals(Duration.ofSeconds(1), window.remainingAfter(Instant.ofEpochSecond(1_800)));
    }

    @Test
    void refusesLengthsThatAreNotWholeSeconds() {
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(0, Duration.ofMillis(1_500)));
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(0, Duration.ZERO));
    }
}
