package dev.tacit.server.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.tacit.server.time.TimeWindow;

import org.infinispan.Cache;

/**
 * Counters per key and fixed time window in a bounded Infinispan cache; each entry expires with its window.
 * Updates are atomic compare-and-set operations on plain integers, so they stay correct when the cache is
 * replicated across a cluster (no lambdas to marshal).
 */
final class WindowCounters {

    /** Kept a little past the window's end, so a counter never vanishes while its window still runs. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Cache<String, Integer> cache;

    WindowCounters(Cache<String, Integer> cache) {
        this.cache = cache;
    }

    /** Adds one to the counter of {@code key} in {@code window} and returns the new count. */
    int increment(String key, TimeWindow window, Instant now) {
        String entry = entryKey(key, window);
        long lifespan = Duration.between(now, window.end()).plus(GRACE).toMillis();
        while (true) {
            Integer current = cache.get(entry);
            if (current == null) {
                if (cache.putIfAbsent(entry, 1, lifespan, TimeUnit.MILLISECONDS) == null) {
                    return 1;
                }
            } else if (cache.replace(entry, current, current + 1, lifespan, TimeUnit.MILLISECONDS)) {
                return current + 1;
            }
        }
    }

    /** Takes one back from the counter of {@code key} in {@code window}, never below zero. */
    void decrement(String key, TimeWindow window, Instant now) {
        String entry = entryKey(key, window);
        long lifespan = Duration.between(now, window.end()).plus(GRACE).toMillis();
        while (true) {
            Integer current = cache.get(entry);
            if (current == null || current <= 0
                    || cache.replace(entry, current, current - 1, lifespan, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private static String entryKey(String key, TimeWindow window) {
        return key + "@" + window.length().getSeconds() + ":" + window.counter();
    }
}
