package dev.tacit.server.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.EntityManager;

import dev.tacit.server.testing.StoreDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.testing.StoreDatabase.inTransaction;
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
    private static final Duration DAY = RegistrationSettings.ACTIVITY_GRANULARITY;
    private static final Duration LOCK_PERIOD = Duration.ofDays(7);

    @Test
    void activityIsWrittenAtMostOncePerDay(EntityManager entityManager) {
        AccountStore store = store(entityManager);
        register(entityManager, store, "+17205550180");

        boolean[] written = new boolean[4];
        inTransaction(entityManager, () -> written[0] = store.recordActivity("+17205550180", REGISTERED.plusSeconds(60), DAY));
        inTransaction(entityManager, () -> written[1] = store.recordActivity("+17205550180",
                REGISTERED.plus(DAY).minusSeconds(1), DAY));
        inTransaction(entityManager, () -> written[2] = store.recordActivity("+17205550180", REGISTERED.plus(DAY), DAY));
        inTransaction(entityManager, () -> written[3] = store.recordActivity("+17205550180",
                REGISTERED.plus(DAY).plusSeconds(3600), DAY));

        assertFalse(written[0], "registering was the day's activity");
        assertFalse(written[1]);
        assertTrue(written[2], "a day after the last record");
        assertFalse(written[3]);
        assertEquals(REGISTERED.plus(DAY), lockedUntil(entityManager, store, "+17205550180").minus(LOCK_PERIOD));
    }

    @Test
    void theLockRunsTheLockPeriodFromTheLastRecordedActivity(EntityManager entityManager) {
        AccountStore store = store(entityManager);
        register(entityManager, store, "+17205550181");
        Instant active = REGISTERED.plus(Duration.ofDays(3));

        inTransaction(entityManager, () -> store.recordActivity("+17205550181", active, DAY));

        assertEquals(active.plus(LOCK_PERIOD), lockedUntil(entityManager, store, "+17205550181"));
    }

    @Test
    void anUnknownNumberRecordsNothing(EntityManager entityManager) {
        AccountStore store = store(entityManager);
        boolean[] written = new boolean[1];

        inTransaction(entityManager, () -> written[0] = store.recordActivity("+17205550189", REGISTERED, DAY));

        assertFalse(written[0]);
    }

    private static Instant lockedUntil(EntityManager entityManager, AccountStore store, String number) {
        Instant[] until = new Instant[1];
        inTransaction(entityManager, () -> until[0] = store.find(number).orElseThrow().lockedUntil(LOCK_PERIOD));
        return until[0];
    }

    private static void register(EntityManager entityManager, AccountStore store, String number) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) number.hashCode());
        PublishedKeys keys = new PublishedKeys(key, new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {4});
        inTransaction(entityManager, () -> assertTrue(store.lockOrCreate(number, keys, REGISTERED).created()));
    }

    private static AccountStore store(EntityManager entityManager) {
        AccountStore store = new AccountStore();
        store.entityManager = entityManager;
        return store;
    }
}
