package dev.tacit.server.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration lock's record of activity (docs/protocol.md §4.7) against a real PostgreSQL: written at most
 * once a day per account, and the lock runs for the lock period from the last record.
 */
@ExtendWith(StoreDatabase.class)
class AccountActivityTest {

    private static final Instant REGISTERED = Instant.parse("2030-06-01T12:00:00Z");
    private static final Duration DAY = AccountService.ACTIVITY_GRANULARITY;
    private static final Duration LOCK_PERIOD = Duration.ofDays(7);
    private static final String NUMBER = "+17205550180";

    @Test
    void activityIsWrittenAtMostOncePerDay(Transactions transactions) {
        register(transactions, NUMBER);

        boolean sameMinute = recordActivity(transactions, NUMBER, REGISTERED.plusSeconds(60));
        boolean lastSecondOfTheDay = recordActivity(transactions, NUMBER, REGISTERED.plus(DAY).minusSeconds(1));
        boolean aDayOn = recordActivity(transactions, NUMBER, REGISTERED.plus(DAY));
        boolean anHourAfterThat = recordActivity(transactions, NUMBER, REGISTERED.plus(DAY).plusSeconds(3600));

        assertFalse(sameMinute, "registering was the day's activity");
        assertFalse(lastSecondOfTheDay);
        assertTrue(aDayOn, "a day after the last record");
        assertFalse(anHourAfterThat);
        assertEquals(REGISTERED.plus(DAY), lockedUntil(transactions, NUMBER).minus(LOCK_PERIOD));
    }

    @Test
    void theLockRunsTheLockPeriodFromTheLastRecordedActivity(Transactions transactions) {
        register(transactions, NUMBER);
        Instant active = REGISTERED.plus(Duration.ofDays(3));

        recordActivity(transactions, NUMBER, active);

        assertEquals(active.plus(LOCK_PERIOD), lockedUntil(transactions, NUMBER));
    }

    @Test
    void anUnknownNumberRecordsNothing(Transactions transactions) {
        assertFalse(recordActivity(transactions, NUMBER, REGISTERED));
    }

    private static boolean recordActivity(Transactions transactions, String number, Instant now) {
        return transactions.inTransaction(em -> store(em).recordActivity(number, now, DAY));
    }

    private static Instant lockedUntil(Transactions transactions, String number) {
        return transactions.inTransaction(em -> store(em).find(number).orElseThrow().lockedUntil(LOCK_PERIOD));
    }

    private static void register(Transactions transactions, String number) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 1);
        PublishedKeys keys = new PublishedKeys(key, new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {4});
        boolean created = transactions.inTransaction(em -> store(em).lockOrCreate(number, keys, REGISTERED).created());
        assertTrue(created);
    }

    private static AccountStore store(EntityManager entityManager) {
        AccountStore store = new AccountStore();
        store.entityManager = entityManager;
        return store;
    }
}
