package dev.tacit.server.limits;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import dev.tacit.server.testing.StoreDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.testing.StoreDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse counters against a real PostgreSQL with the real schema: limits hold exactly, under concurrency
 * and whatever other subjects' counters the table holds. Each test counts in windows of its own (a distinct
 * hour far from the others'), so the tests do not share counters.
 */
@ExtendWith(StoreDatabase.class)
class AbuseCounterStoreTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Test
    void usesUpToTheLimitThenRefusesWithoutCounting(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        Allowance allowance = allowance(newSubject(), hour(1), 3);

        for (int i = 0; i < 3; i++) {
            use(entityManager, store, allowance);
        }
        AllowanceSpentException refused = assertThrows(AllowanceSpentException.class,
                () -> use(entityManager, store, allowance));

        assertSame(allowance, refused.allowance());
        assertEquals(3, used(entityManager, allowance));
    }

    @Test
    void usesAllOrNone(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        Allowance roomy = allowance(newSubject(), hour(2), 5);
        Allowance spent = allowance(newSubject(), hour(2), 1);
        use(entityManager, store, spent);

        AllowanceSpentException refused = assertThrows(AllowanceSpentException.class,
                () -> use(entityManager, store, roomy, spent));

        assertSame(spent, refused.allowance());
        assertEquals(0, used(entityManager, roomy), "the use of the allowance before the spent one was rolled back");
    }

    @Test
    void theNextWindowStartsAfresh(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        byte[] subject = newSubject();
        Allowance thisHour = allowance(subject, hour(3), 1);
        Allowance nextHour = allowance(subject, hour(4), 1);
        use(entityManager, store, thisHour);
        assertThrows(AllowanceSpentException.class, () -> use(entityManager, store, thisHour));

        use(entityManager, store, nextHour);

        assertEquals(1, used(entityManager, nextHour));
    }

    @Test
    void aGivenBackUseCanBeUsedAgainButNothingGoesBelowZero(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        Allowance allowance = allowance(newSubject(), hour(5), 1);
        use(entityManager, store, allowance);

        inTransaction(entityManager, () -> store.giveBack(allowance));
        use(entityManager, store, allowance);
        inTransaction(entityManager, () -> store.giveBack(allowance));
        inTransaction(entityManager, () -> store.giveBack(allowance));

        assertEquals(0, used(entityManager, allowance));
    }

    /**
     * What evicted a counter from the old bounded cache (120,000 wrong confirmations for other numbers) cannot
     * make the table forget one: the target, two of three uses spent, gets exactly one more after the flood.
     */
    @Test
    void aFloodOfOtherSubjectsLeavesTheTargetsCountAlone(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        Instant window = hour(6);
        Allowance target = allowance(newSubject(), window, 3);
        use(entityManager, store, target);
        use(entityManager, store, target);

        // 120,000 counters of other subjects in the same window, written in bulk as other traffic would leave them,
        inTransaction(entityManager, () -> entityManager.createNativeQuery("""
                        INSERT INTO tacit.abuse_counter (subject, window_start, used, expires_at)
                        SELECT sha256(convert_to('flood ' || g, 'UTF8')), ?1, 1, ?2 FROM generate_series(1, 120000) g""")
                .setParameter(1, window)
                .setParameter(2, window.plusSeconds(3600))
                .executeUpdate());
        // and 500 more through the store, each spending its own allowance to the limit.
        for (int i = 0; i < 500; i++) {
            Allowance other = allowance(newSubject(), window, 1);
            use(entityManager, store, other);
            assertThrows(AllowanceSpentException.class, () -> use(entityManager, store, other));
        }

        use(entityManager, store, target);
        assertThrows(AllowanceSpentException.class, () -> use(entityManager, store, target));
        assertEquals(3, used(entityManager, target));
    }

    @Test
    void concurrentUsesNeverOverrunTheLimit(EntityManager entityManager) throws Exception {
        EntityManagerFactory factory = entityManager.getEntityManagerFactory();
        Allowance allowance = allowance(newSubject(), hour(7), 10);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            attempts.add(() -> {
                EntityManager own = factory.createEntityManager();
                try {
                    use(own, store(own), allowance);
                    return true;
                } catch (AllowanceSpentException e) {
                    return false;
                } finally {
                    own.close();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int granted = 0;
        try {
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                granted += attempt.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }

        assertEquals(10, granted);
        assertEquals(10, used(entityManager, allowance));
    }

    @Test
    void thePurgeDeletesEndedWindowsOnlyInBatches(EntityManager entityManager) {
        AbuseCounterStore store = store(entityManager);
        Instant start = hour(8);
        List<Allowance> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(allowance(newSubject(), start, 1));
        }
        Allowance running = new Allowance(newSubject(), start, start.plusSeconds(7200), 1);
        ended.forEach(allowance -> use(entityManager, store, allowance));
        use(entityManager, store, running);
        Instant afterTheFirstHour = start.plusSeconds(3600);
        // Counters of the other tests' windows end long before this one's, and go too.
        AtomicInteger purged = new AtomicInteger();
        int batch;
        do {
            int[] deleted = new int[1];
            inTransaction(entityManager, () -> deleted[0] = store.purgeExpired(afterTheFirstHour, 2));
            batch = deleted[0];
            purged.addAndGet(batch);
            assertTrue(batch <= 2, "at most a batch at a time");
        } while (batch == 2);

        assertTrue(purged.get() >= 5, "purged " + purged);
        ended.forEach(allowance -> assertEquals(0, used(entityManager, allowance)));
        assertEquals(1, used(entityManager, running), "a window that has not ended is kept");
    }

    private static AbuseCounterStore store(EntityManager entityManager) {
        AbuseCounterStore store = new AbuseCounterStore();
        store.entityManager = entityManager;
        return store;
    }

    /** Uses each allowance once, in one transaction, as the server's REQUIRES_NEW does. */
    private static void use(EntityManager entityManager, AbuseCounterStore store, Allowance... allowances) {
        inTransaction(entityManager, () -> store.useAll(List.of(allowances)));
    }

    private static int used(EntityManager entityManager, Allowance allowance) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT used FROM tacit.abuse_counter WHERE subject = ?1 AND window_start = ?2")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private static Allowance allowance(byte[] subject, Instant windowStart, int limit) {
        return new Allowance(subject, windowStart, windowStart.plusSeconds(3600), limit);
    }

    /** The start of a one-hour window of this test's own: {@code n} days after 2030-01-01. */
    private static Instant hour(int n) {
        return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(86_400L * n);
    }

    private static byte[] newSubject() {
        return ByteBuffer.allocate(Allowance.SUBJECT_LENGTH).putInt(SUBJECTS.incrementAndGet()).array();
    }
}
