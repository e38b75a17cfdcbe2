package dev.tacit.server.limits;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link AbuseCounterStore#takeUpTo} against PostgreSQL: an allowance handed out in batches (contact discovery's
 * tokens per account and window) gives as many as are left, never more than its limit, also to many concurrent
 * takers, and a transaction that fails after taking gives its uses back.
 */
@ExtendWith(StoreDatabase.class)
class AllowanceTakingTest {

    private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void takesWhatIsAskedWhileEnoughIsLeftThenTheRestThenNothing(Transactions transactions) {
        Allowance allowance = allowance(1, 10);

        assertEquals(4, take(transactions, allowance, 4));
        assertEquals(4, take(transactions, allowance, 4));
        assertEquals(2, take(transactions, allowance, 4), "only two are left");
        assertEquals(0, take(transactions, allowance, 1), "spent");
        assertEquals(10, used(transactions, allowance));
    }

    @Test
    void subjectsAndWindowsCountApart(Transactions transactions) {
        Allowance one = allowance(1, 3);
        Allowance other = allowance(2, 3);
        Allowance nextWindow = new Allowance(subject(1), END, END.plusSeconds(86_400), 3);

        take(transactions, one, 3);

        assertEquals(3, take(transactions, other, 3));
        assertEquals(3, take(transactions, nextWindow, 3));
        assertEquals(3, used(transactions, other));
        assertEquals(3, used(transactions, nextWindow));
        assertEquals(3, transactions.rows("abuse_counter"));
    }

    @Test
    void aTransactionThatFailsAfterTakingGivesItsUsesBack(Transactions transactions) {
        Allowance allowance = allowance(1, 10);
        take(transactions, allowance, 3);

        assertThrows(IllegalStateException.class, () -> transactions.run(em -> {
            store(em).takeUpTo(allowance, 5);
            throw new IllegalStateException("signing failed after the count");
        }));

        assertEquals(3, used(transactions, allowance));
    }

    @Test
    void fiftyConcurrentTakersNeverGetMoreThanTheLimitTogether(Transactions transactions) throws Exception {
        Allowance allowance = allowance(1, 100);

        List<Integer> taken = transactions.concurrently(50, em -> store(em).takeUpTo(allowance, 7));

        assertEquals(100, taken.stream().mapToInt(Integer::intValue).sum(), taken.toString());
        assertEquals(100, used(transactions, allowance));
    }

    @Test
    void takingNothingIsAMistake(Transactions transactions) {
        assertThrows(IllegalArgumentException.class,
                () -> transactions.run(em -> store(em).takeUpTo(allowance(1, 3), 0)));
    }

    private static int take(Transactions transactions, Allowance allowance, int wanted) {
        return transactions.inTransaction(em -> store(em).takeUpTo(allowance, wanted));
    }

    private static int used(Transactions transactions, Allowance allowance) {
        return transactions.inTransaction(em -> ((Number) em.createNativeQuery(
                        "SELECT used FROM tacit.abuse_counter WHERE subject = ?1 AND window_start = ?2")
                .setParameter(1, allowance.subject()).setParameter(2, allowance.windowStart())
                .getSingleResult()).intValue());
    }

    private static Allowance allowance(int subject, int limit) {
        return new Allowance(subject(subject), START, END, limit);
    }

    private static byte[] subject(int number) {
        byte[] subject = new byte[32];
        Arrays.fill(subject, (byte) number);
        return subject;
    }

    private static AbuseCounterStore store(EntityManager entityManager) {
        AbuseCounterStore store = new AbuseCounterStore();
        store.entityManager = entityManager;
        return store;
    }
}
