package dev.tacit.server.verification;

import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.time.TimeWindow;

import org.infinispan.Cache;

/**
 * The abuse limits around phone verification, counted in fixed windows in the bounded caches of WildFly's
 * Infinispan container {@code tacit} (configure-tacit.cli): sends per number and per
 * {@linkplain NormalizedPhoneNumber#sendPrefix() prefix} per send period, and wrong codes per number per code window.
 * The verification itself stays stateless: these counters only refuse, they never decide a code is right.
 * A cache at its size bound evicts counters early, so the bounds must suit the expected traffic.
 */
@ApplicationScoped
public class VerificationLimits {

    @Resource(lookup = "java:jboss/infinispan/cache/tacit/verification-sends")
    Cache<String, Integer> sendCache;

    @Resource(lookup = "java:jboss/infinispan/cache/tacit/verification-failures")
    Cache<String, Integer> failureCache;

    @Inject
    VerificationSettings settings;

    private WindowCounters sends;
    private WindowCounters failures;

    @PostConstruct
    void connect() {
        sends = new WindowCounters(sendCache);
        failures = new WindowCounters(failureCache);
    }

    /** Counts a send to {@code number}; @throws RateLimitedException if its number or prefix limit is spent */
    public void countSend(NormalizedPhoneNumber number, Instant now) {
        TimeWindow period = TimeWindow.containing(now, settings.sendPeriod());
        if (sends.increment("number:" + number.e164(), period, now) > settings.sendsPerNumber()) {
            throw new RateLimitedException("too many codes were sent to this number", period.remainingAfter(now));
        }
        if (sends.increment("prefix:" + number.sendPrefix(), period, now) > settings.sendsPerPrefix()) {
            throw new RateLimitedException("too many codes were sent to numbers like this one",
                    period.remainingAfter(now));
        }
    }

    /**
     * Reserves one wrong-code attempt for {@code number} before its code is checked, so that parallel guesses
     * cannot overrun the limit. @throws RateLimitedException if the number's wrong codes are spent
     */
    public void reserveAttempt(NormalizedPhoneNumber number, Instant now) {
        TimeWindow window = TimeWindow.containing(now, settings.window());
        if (failures.increment(number.e164(), window, now) > settings.wrongCodesPerNumber()) {
            throw new RateLimitedException("too many wrong codes for this number", window.remainingAfter(now));
        }
    }

    /** Gives back the attempt reserved for a code that turned out right: only wrong codes count. */
    public void releaseAttempt(NormalizedPhoneNumber number, Instant now) {
        failures.decrement(number.e164(), TimeWindow.containing(now, settings.window()), now);
    }
}
