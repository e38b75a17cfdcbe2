package dev.tacit.server.limits;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse counters against a real PostgreSQL with the real schema (V5__abuse_counter.sql): limits hold
 * exactly, under concurrent transactions and whatever other subjects' counters the table holds. Each use runs
 * in a transaction of its own, as the server's REQUIRES_NEW does.
 */
@ExtendWith(StoreDatabase.class)
class AbuseCounterStoreTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Test
    void usesUpToTheLimitThenRefusesWithoutCounting(Transactions transactions) {
        Allowance allowance = allowance(newSubject(), hour(1), 3);

        for (int i = 0; i < 3; i++) {
            use(transactions, allowance);
        }
        AllowanceSpentException refused = assertThrows(AllowanceSpentException.class,
                () -> use(transactions, allowance));

        assertSame(allowance, refused.allowance());
        assertEquals(3, used(transactions, allowance));
    }

    @Test
    void usesAllOrNone(Transactions transactions) {
        Allowance roomy = allowance(newSubject(), hour(2), 5);
        Allowance spent = allowance(newSubject(), hour(2), 1);
        use(transactions, spent);

        AllowanceSpentException refused = assertThrows(AllowanceSpentException.class,
                () -> use(transactions, roomy, spent));

        assertSame(spent, refused.allowance());
        assertEquals(0, used(transactions, roomy), "the use of the allowance before the spent one was rolled back");
    }

    @Test
    void theNextWindowStartsAfresh(Transactions transactions) {
        byte[] subject = newSubject();
        Allowance thisHour = allowance(subject, hour(3), 1);
        Allowance nextHour = allowance(subject, hour(4), 1);
        use(transactions, thisHour);
        assertThrows(AllowanceSpentException.class, () -> use(transactions, thisHour));

        use(transactions, nextHour);

        assertEquals(1, used(transactions, nextHour));
    }

    @Test
    void aGivenBackUseCanBeUsedAgainButNothingGoesBelowZero(Transactions transactions) {
        Allowance allowance = allowance(newSubject(), hour(5), 1);
        use(transactions, allowance);

        transactions.run(em -> store(em).giveBack(allowance));
        use(transactions, allowance);
        transactions.run(em -> store(em).giveBack(allowance));
        transactions.run(em -> store(em).giveBack(allowance));

        assertEquals(0, used(transactions, allowance));
    }

    /**
     * What evicted a counter from the old bounded cache (120,000 wrong confirmations for other numbers) cannot
     * make the table forget one: the target, two of three uses spent, gets exactly one more after the flood.
     */
    @Test
    void aFloodOfOtherSubjectsLeavesTheTargetsCountAlone(Transactions transactions) {
        Instant window = hour(6);
        Allowance target = allowance(newSubject(), window, 3);
        use(transactions, target);
        use(transactions, target);

        // 120,000 counters of other subjects in the same window, written in bulk as other traffic would leave them,
        transactions.run(em -> em.createNativeQuery("""
                        INSERT INTO tacit.abuse_counter (subject, window_start, used, expires_at)
                        SELECT sha256(convert_to('flood ' || g, 'UTF8')), ?1, 1, ?2 FROM generate_series(1, 120000) g""")
                .setParameter(1, window)
                .setParameter(2, window.plusSeconds(3600))
                .executeUpdate());
        // and 500 more through the store, each spending its own allowance to the limit.
        for (int i = 0; i < 500; i++) {
            Allowance other = allowance(newSubject(), window, 1);
            use(transactions, other);
            assertThrows(AllowanceSpentException.class, () -> use(transactions, other));
        }

        use(transactions, target);
        assertThrows(AllowanceSpentException.class, () -> use(transactions, target));
        assertEquals(3, used(transactions, target));
    }

    @Test
    void concurrentUsesNeverOverrunTheLimit(Transactions transactions) throws Exception {
        Allowance allowance = allowance(newSubject(), hour(7), 10);

        List<Boolean> granted = transactions.concurrently(100, em -> {
            try {
                store(em).useAll(List.of(allowance));
                return true;
            } catch (AllowanceSpentException e) {
                return false; // the refused use changed nothing
            }
        });

        assertEquals(10, granted.stream().filter(Boolean::booleanValue).count());
        assertEquals(10, used(transactions, allowance));
    }

    @Test
    void thePurgeDeletesEndedWindowsOnlyInBatches(Transactions transactions) {
        Instant start = hour(8);
        List<Allowance> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(allowance(newSubject(), start, 1));
        }
        Allowance running = new Allowance(newSubject(), start, start.plusSeconds(7200), 1);
        ended.forEach(allowance -> use(transactions, allowance));
        use(transactions, running);
        Instant afterTheFirstHour = start.plusSeconds(3600);
        int purged = 0;
        int batch;
        do {
            batch = transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.ABUSE_COUNTERS, afterTheFirstHour, 2));
            purged += batch;
            assertTrue(batch <= 2, "at most a batch at a time");
        } while (batch == 2);

        assertEquals(5, purged);
        ended.forEach(allowance -> assertEquals(0, used(transactions, allowance)));
        assertEquals(1, used(transactions, running), "a window that has not ended is kept");
    }

    private static AbuseCounterStore store(EntityManager entityManager) {
        AbuseCounterStore store = new AbuseCounterStore();
        store.entityManager = entityManager;
        return store;
    }

    /** Uses each allowance once, in one transaction, as the server's REQUIRES_NEW does. */
    private static void use(Transactions transactions, Allowance... allowances) {
        transactions.run(em -> store(em).useAll(List.of(allowances)));
    }

    private static int used(Transactions transactions, Allowance allowance) {
        List<?> rows = transactions.inTransaction(em -> em.createNativeQuery(
                        "SELECT used FROM tacit.abuse_counter WHERE subject = ?1 AND window_start = ?2")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .getResultList());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private static Allowance allowance(byte[] subject, Instant windowStart, int limit) {
        return new Allowance(subject, windowStart, windowStart.plusSeconds(3600), limit);
    }

    /** The start of a one-hour window: {@code n} days after 2030-01-01. */
    private static Instant hour(int n) {
        return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(86_400L * n);
    }

    private static byte[] newSubject() {
        return ByteBuffer.allocate(Allowance.SUBJECT_LENGTH).putInt(SUBJECTS.incrementAndGet()).array();
    }
}
