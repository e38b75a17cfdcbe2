package dev.tacit.server.accounts;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registration's settings, from MicroProfile Config: {@code tacit.registration.lock-period} (ISO-8601, whole
 * seconds, default 7 days), how long after its last activity an account stays locked against re-registration
 * without its identity key (docs/protocol.md §4.7).
 */
@ApplicationScoped
public class RegistrationSettings {

    /** Activity is recorded at most this often per account, so signed traffic does not write on every request. */
    static final Duration ACTIVITY_GRANULARITY = Duration.ofDays(1);

    @Inject
    @ConfigProperty(name = "tacit.registration.lock-period", defaultValue = "P7D")
    Duration lockPeriod;

    @PostConstruct
    void check() {
        if (lockPeriod.isNegative() || lockPeriod.isZero() || lockPeriod.getNano() != 0) {
            throw new IllegalStateException(
                    "tacit.registration.lock-period must be a positive whole number of seconds, not " + lockPeriod);
        }
    }

    /** How long after its last recorded activity an account stays locked. */
    public Duration lockPeriod() {
        return lockPeriod;
    }
}
