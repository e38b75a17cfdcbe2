package dev.tacit.arquillian;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.tacit.arquillian.clock.ClockControlServlet;
import dev.tacit.arquillian.clock.MovableClock;

/**
 * The clock of the server under test, which tests move forward instead of sleeping: {@link #advance} shifts
 * the deployed {@link MovableClock} and then runs the server's scheduled jobs once ({@link ScheduledJobs}),
 * as the passing time would have; {@link #reset} returns to the system clock. All test classes share one
 * deployment ({@link SuiteDeployment}), so a test that moves the clock resets it when it ends. The server
 * runs on this machine: {@link #instant()} is the system time plus the offset the server reported last.
 */
public final class ServerClock {

    private static final URI CONTROL = URI.create("http://localhost:" + TestPorts.http()
            + ClockControlServlet.CONTEXT_ROOT + ClockControlServlet.PATH);

    private static volatile Duration offset = Duration.ZERO;

    private ServerClock() {
    }

    /** The server's current time. */
    public static Instant instant() {
        return Instant.now().plus(offset);
    }

    /** A clock that follows the server's, moves included: for client calls that sign or check time. */
    public static Clock clock() {
        return FOLLOWING;
    }

    /** Moves the server's clock forward by {@code duration} and runs its scheduled jobs. */
    public static void advance(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the server's clock only moves forward: " + duration);
        }
        offset = answer(TacitHttp.send(HttpRequest.newBuilder(CONTROL)
                .POST(HttpRequest.BodyPublishers.ofString(duration.toString()))));
        ScheduledJobs.runAll();
    }

    /** Moves the server's clock forward to {@code instant}, which must lie in the server's future. */
    public static void advanceTo(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    /** Moves the server's clock to one second into the next window of {@code length} counted from the epoch. */
    public static void advanceToNextWindow(Duration length) {
        long seconds = length.getSeconds();
        long next = (Math.floorDiv(instant().getEpochSecond(), seconds) + 1) * seconds;
        advanceTo(Instant.ofEpochSecond(next + 1));
    }

    /** Puts the server back on the system clock and runs its scheduled jobs. */
    public static void reset() {
        offset = answer(TacitHttp.send(HttpRequest.newBuilder(CONTROL).DELETE()));
        ScheduledJobs.runAll();
    }

    /** A new deployment starts at the system clock. */
    static void deployed() {
        offset = Duration.ZERO;
    }

    private static Duration answer(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the test clock answered " + response.statusCode() + ": " + response.body());
        }
        return Duration.parse(response.body().strip());
    }

    private static final Clock FOLLOWING = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server's clock is UTC");
        }

        @Override
        public Instant instant() {
            return ServerClock.instant();
        }
    };
}
