package dev.tacit.server.auth;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import dev.tacit.server.persistence.StoreTestDatabase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nonce store against a real PostgreSQL (docs/protocol.md §5.3 step 8). */
class RequestNonceStoreTest {

    /** What the bounded cache the store replaces could hold, after which it evicted. */
    private static final int OLD_CACHE_SIZE = 500_000;
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant FRESH_UNTIL = NOW.plusSeconds(300);

    /**
     * The bounded cache this store replaced evicted entries once it held 500,000, so that a nonce could be
     * replayed inside its freshness window. The first pair goes through the store, then 500,000 other distinct
     * pairs into the same table (in one statement: through the store one by one would take minutes), then the
     * first again: refused, and a new one still accepted.
     */
    @Test
    void aNonceIsRefusedAgainAfterMoreDistinctNoncesThanTheOldCacheHeld() {
        byte[] first = SignedRequestAdmission.pairDigest("+14155550100", "first-nonce");
        try {
            StoreTestDatabase.inTransaction(entityManager -> assertTrue(store(entityManager).record(first, FRESH_UNTIL)));
            StoreTestDatabase.inTransaction(entityManager -> assertEquals(OLD_CACHE_SIZE, entityManager.createNativeQuery("""
                            INSERT INTO tacit.request_nonce (pair_digest, expires_at)
                            SELECT sha256(int8send(i)), ?1 FROM generate_series(1, ?2) AS i""")
                    .setParameter(1, FRESH_UNTIL)
                    .setParameter(2, OLD_CACHE_SIZE)
                    .executeUpdate()));

            StoreTestDatabase.inTransaction(entityManager -> {
                RequestNonceStore store = store(entityManager);
                assertFalse(store.record(first, FRESH_UNTIL), "the first nonce is still remembered");
                assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550100", "next-nonce"), FRESH_UNTIL),
                        "and the store still takes new ones");
            });
        } finally {
            StoreTestDatabase.inTransaction(entityManager -> store(entityManager).purgeExpired(FRESH_UNTIL.plusSeconds(1),
                    Integer.MAX_VALUE));
        }
    }

    @Test
    void aPairRecordedThroughOneNodeIsRefusedThroughAnother() {
        byte[] pair = SignedRequestAdmission.pairDigest("+14155550105", "seen-by-node-one");
        EntityManager nodeOne = StoreTestDatabase.entityManager();
        EntityManager nodeTwo = StoreTestDatabase.entityManager();
        try {
            nodeOne.getTransaction().begin();
            assertTrue(store(nodeOne).record(pair, FRESH_UNTIL));
            nodeOne.getTransaction().commit();

            nodeTwo.getTransaction().begin();
            assertFalse(store(nodeTwo).record(pair, FRESH_UNTIL), "the record is the database's, not a node's");
            nodeTwo.getTransaction().commit();
        } finally {
            nodeOne.close();
            nodeTwo.close();
        }
    }

    @Test
    void theSameNonceUnderAnotherKeyIdIsAnotherPair() {
        StoreTestDatabase.inTransaction(entityManager -> {
            RequestNonceStore store = store(entityManager);
            assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550102", "shared"), FRESH_UNTIL));
            assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550103", "shared"), FRESH_UNTIL));
            assertFalse(store.record(SignedRequestAdmission.pairDigest("+14155550102", "shared"), FRESH_UNTIL));
        });
    }

    @Test
    void aPurgeDeletesOnlyNoncesNoLongerFresh() {
        StoreTestDatabase.inTransaction(entityManager -> {
            RequestNonceStore store = store(entityManager);
            byte[] stale = SignedRequestAdmission.pairDigest("+14155550104", "stale");
            byte[] fresh = SignedRequestAdmission.pairDigest("+14155550104", "fresh");
            store.record(stale, NOW.minusSeconds(1));
            store.record(fresh, NOW.plusSeconds(1));

            assertEquals(1, store.purgeExpired(NOW, 10));

            assertTrue(store.record(stale, NOW.minusSeconds(1)), "a purged pair is gone");
            assertFalse(store.record(fresh, NOW.plusSeconds(1)), "a fresh pair stays");
        });
    }

    private static RequestNonceStore store(EntityManager entityManager) {
        RequestNonceStore store = new RequestNonceStore();
        store.entityManager = entityManager;
        return store;
    }
}
