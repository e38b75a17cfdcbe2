package dev.tacit.server.auth;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import dev.tacit.server.persistence.StoreTestDatabase;
import dev.tacit.server.time.TimeWindow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-account counts of signed requests against a real PostgreSQL (docs/protocol.md §5.3). */
class SignedRequestCountStoreTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:30Z");

    @Test
    void countsPerAccountAndWindow() {
        TimeWindow window = TimeWindow.containing(NOW, MINUTE);
        StoreTestDatabase.inTransaction(entityManager -> {
            SignedRequestCountStore store = store(entityManager);
            assertEquals(1, store.increment("+14155550110", window));
            assertEquals(2, store.increment("+14155550110", window));
            assertEquals(1, store.increment("+14155550111", window), "another account counts on its own");
            assertEquals(1, store.increment("+14155550110", TimeWindow.containing(window.end(), MINUTE)),
                    "the next window starts from one");
        });
    }

    @Test
    void aPurgeDeletesOnlyTheCountsOfEndedWindows() {
        TimeWindow ended = TimeWindow.containing(NOW.minus(MINUTE), MINUTE);
        TimeWindow current = TimeWindow.containing(NOW, MINUTE);
        StoreTestDatabase.inTransaction(entityManager -> {
            SignedRequestCountStore store = store(entityManager);
            store.increment("+14155550112", ended);
            store.increment("+14155550112", current);

            assertEquals(1, store.purgeEnded(NOW, 10));

            assertEquals(1, store.increment("+14155550112", ended), "the ended window's count is gone");
            assertEquals(2, store.increment("+14155550112", current), "the current window's count stays");
        });
    }

    private static SignedRequestCountStore store(EntityManager entityManager) {
        SignedRequestCountStore store = new SignedRequestCountStore();
        store.entityManager = entityManager;
        return store;
    }
}
