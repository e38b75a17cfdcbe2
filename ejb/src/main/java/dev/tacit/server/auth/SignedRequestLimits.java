package dev.tacit.server.auth;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-account limit on signed requests (docs/protocol.md §5.3), from MicroProfile Config: at most
 * {@code tacit.signed-requests.per-account} authenticated requests per account in each fixed window of
 * {@code tacit.signed-requests.period} (ISO-8601, whole seconds).
 */
@ApplicationScoped
public class SignedRequestLimits {

    @Inject
    @ConfigProperty(name = "tacit.signed-requests.per-account", defaultValue = "300")
    int perAccount;

    @Inject
    @ConfigProperty(name = "tacit.signed-requests.period", defaultValue = "PT1M")
    Duration period;

    @PostConstruct
    void check() {
        if (perAccount < 1) {
            throw new IllegalStateException("tacit.signed-requests.per-account must be at least 1, not " + perAccount);
        }
        if (period.isNegative() || period.isZero() || period.getNano() != 0) {
            throw new IllegalStateException("tacit.signed-requests.period must be a positive whole number of seconds, not "
                    + period);
        }
    }

    /** Signed requests an account may make per period. */
    public int perAccount() {
        return perAccount;
    }

    /** The fixed window the limit counts in. */
    public Duration period() {
        return period;
    }
}
