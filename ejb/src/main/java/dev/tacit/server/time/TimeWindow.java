package dev.tacit.server.time;

import java.time.Duration;
import java.time.Instant;

/**
 * One of the consecutive windows of equal length, counted from the Unix epoch: the windows a verification
 * code is valid in (the time step of RFC 6238, with T0 = 0), and the fixed windows that rate limits count in.
 *
 * @param counter the window's number: floor(epoch seconds / length in seconds)
 * @param length  the window length, whole seconds
 */
public record TimeWindow(long counter, Duration length) {

    public TimeWindow {
        if (length.isNegative() || length.isZero() || length.getNano() != 0) {
            throw new IllegalArgumentException("a window is a positive number of whole seconds");
        }
    }

    public static TimeWindow containing(Instant instant, Duration length) {
        return new TimeWindow(Math.floorDiv(instant.getEpochSecond(), length.getSeconds()), length);
    }

    public TimeWindow previous() {
        return new TimeWindow(counter - 1, length);
    }

    public Instant start() {
        return Instant.ofEpochSecond(counter * length.getSeconds());
    }

    public Instant end() {
        return Instant.ofEpochSecond((counter + 1) * length.getSeconds());
    }

    /** The time from {@code now} to the window's end, rounded up to whole seconds: a Retry-After value. */
    public Duration remainingAfter(Instant now) {
        long seconds = end().getEpochSecond() - now.getEpochSecond();
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
