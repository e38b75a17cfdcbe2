package dev.tacit.arquillian.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * The server's clock in the test deployment, and only there: the system clock plus an offset the tests move
 * forward through {@link ClockControlServlet}. An alternative enabled for the whole application by its
 * priority, so it replaces the system clock of {@code dev.tacit.server.time.ClockProducer} at every injection
 * point: code windows, token expiry, key rotation, signature freshness, the nonce memory's start time.
 * {@code dev.tacit.arquillian.TacitDeployment} adds it to the copy of tacit.ear the tests deploy; tacit.ear
 * itself never contains it ({@code ProductionEarIT}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new OffsetClock(offset::get, ZoneOffset.UTC);
    }

    /** Moves the clock forward by {@code duration}, which must be positive; returns the new offset. */
    public Duration advance(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return offset.updateAndGet(current -> current.plus(duration));
    }

    /** Back to the system clock. */
    public Duration reset() {
        offset.set(Duration.ZERO);
        return Duration.ZERO;
    }

    public Duration offset() {
        return offset.get();
    }

    /** The system clock shifted by an offset read at every call, so a moved clock takes effect at once. */
    static final class OffsetClock extends Clock {

        private final Supplier<Duration> offset;
        private final ZoneId zone;

        OffsetClock(Supplier<Duration> offset, ZoneId zone) {
            this.offset = offset;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new OffsetClock(offset, newZone);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }
}
