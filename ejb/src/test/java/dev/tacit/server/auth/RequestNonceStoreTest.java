package dev.tacit.server.auth;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nonce store against a real PostgreSQL with the real schema (V7__request_nonce.sql): single use of
 * request-signature nonces (docs/protocol.md §5.3 step 8), whatever else the table holds and whichever node
 * (transaction, connection) asks.
 */
@ExtendWith(StoreDatabase.class)
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
    void aNonceIsRefusedAgainAfterMoreDistinctNoncesThanTheOldCacheHeld(Transactions transactions) {
        byte[] first = SignedRequestAdmission.pairDigest("+14155550100", "first-nonce");
        assertTrue(recorded(transactions, first, FRESH_UNTIL));
        transactions.run(em -> assertEquals(OLD_CACHE_SIZE, em.createNativeQuery("""
                        INSERT INTO tacit.request_nonce (pair_digest, expires_at)
                        SELECT sha256(int8send(i)), ?1 FROM generate_series(1, ?2) AS i""")
                .setParameter(1, FRESH_UNTIL)
                .setParameter(2, OLD_CACHE_SIZE)
                .executeUpdate()));

        transactions.run(em -> {
            RequestNonceStore store = store(em);
            assertFalse(store.record(first, FRESH_UNTIL), "the first nonce is still remembered");
            assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550100", "next-nonce"), FRESH_UNTIL),
                    "and the store still takes new ones");
        });
    }

    @Test
    void aPairRecordedInOneTransactionIsRefusedInAnother(Transactions transactions) {
        byte[] pair = SignedRequestAdmission.pairDigest("+14155550105", "seen-by-node-one");

        assertTrue(recorded(transactions, pair, FRESH_UNTIL));

        assertFalse(recorded(transactions, pair, FRESH_UNTIL),
                "the record is the database's, not a node's");
    }

    @Test
    void ofParallelUsesOfOneNonceExactlyOneIsAccepted(Transactions transactions) throws Exception {
        byte[] pair = SignedRequestAdmission.pairDigest("+14155550106", "sent-32-times");

        List<Boolean> accepted = transactions.concurrently(32, em -> store(em).record(pair, FRESH_UNTIL));

        assertEquals(1, accepted.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void theSameNonceUnderAnotherKeyIdIsAnotherPair(Transactions transactions) {
        transactions.run(em -> {
            RequestNonceStore store = store(em);
            assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550102", "shared"), FRESH_UNTIL));
            assertTrue(store.record(SignedRequestAdmission.pairDigest("+14155550103", "shared"), FRESH_UNTIL));
            assertFalse(store.record(SignedRequestAdmission.pairDigest("+14155550102", "shared"), FRESH_UNTIL));
        });
    }

    @Test
    void aPurgeDeletesOnlyNoncesNoLongerFresh(Transactions transactions) {
        byte[] stale = SignedRequestAdmission.pairDigest("+14155550104", "stale");
        byte[] fresh = SignedRequestAdmission.pairDigest("+14155550104", "fresh");
        transactions.run(em -> {
            store(em).record(stale, NOW.minusSeconds(1));
            store(em).record(fresh, NOW.plusSeconds(1));
        });

        assertEquals(1, purged(transactions, NOW, 10));

        assertTrue(recorded(transactions, stale, NOW.minusSeconds(1)), "a purged pair is gone");
        assertFalse(recorded(transactions, fresh, NOW.plusSeconds(1)), "a fresh pair stays");
    }

    @Test
    void aPurgeWorksInBatches(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 0; i < 5; i++) {
                store(em).record(SignedRequestAdmission.pairDigest("+14155550107", "stale-" + i), NOW.minusSeconds(1));
            }
        });

        assertEquals(2, purged(transactions, NOW, 2));
        assertEquals(2, purged(transactions, NOW, 2));
        assertEquals(1, purged(transactions, NOW, 2));
        assertEquals(0, transactions.rows("request_nonce"));
    }

    /** Records {@code pair} in a transaction of its own; whether it was new. */
    private static boolean recorded(Transactions transactions, byte[] pair, Instant expiresAt) {
        Boolean recorded = transactions.inTransaction(em -> store(em).record(pair, expiresAt));
        return recorded;
    }

    /** Purges in a transaction of its own; how many pairs it deleted. */
    private static int purged(Transactions transactions, Instant now, int limit) {
        Integer purged = transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.REQUEST_NONCES, now, limit));
        return purged;
    }

    private static RequestNonceStore store(EntityManager entityManager) {
        RequestNonceStore store = new RequestNonceStore();
        store.entityManager = entityManager;
        return store;
    }
}
