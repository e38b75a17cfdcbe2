package dev.tacit.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.infinispan.Cache;

/**
 * Single use of request-signature nonces (docs/protocol.md §5.3): each (keyid, nonce) is accepted once and
 * remembered until its signature is no longer fresh. The memory is a bounded Infinispan cache, which a
 * restart empties; so signatures created before this server started are refused outright, which costs a
 * client at most one retry in the first minutes after a restart.
 */
@ApplicationScoped
public class RequestNonces {

    @Resource(lookup = "java:jboss/infinispan/cache/tacit/request-nonces")
    Cache<String, Boolean> seen;

    @Inject
    Clock clock;

    private volatile Instant startedAt;

    /** Created with the application, not at the first signed request, so startedAt is when the cache began. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Records the pair, and says whether this is its first use.
     *
     * @param acceptedUntil when the signature stops being fresh; the pair is forgotten after that
     */
    public boolean firstUse(String keyId, String nonce, Instant created, Instant acceptedUntil) {
        if (created.isBefore(startedAt)) {
            return false;
        }
        long lifespan = Math.max(1, Duration.between(clock.instant(), acceptedUntil).toMillis());
        return seen.putIfAbsent(keyId + " " + nonce, Boolean.TRUE, lifespan, TimeUnit.MILLISECONDS) == null;
    }
}
