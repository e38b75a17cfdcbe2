package dev.tacit.server.purge;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.purge.ExpiredRecordPurge.store;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The purge jobs' store against a real PostgreSQL: used verification tokens go once expired (the other kinds are
 * checked beside their own stores), and two transactions purging at once lock disjoint rows without waiting.
 */
@ExtendWith(StoreDatabase.class)
class ExpiredRecordStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void usedVerificationTokensGoOnceExpired(Transactions transactions) {
        transactions.run(em -> {
            usedVerification(em, 1, NOW.minusSeconds(1));
            usedVerification(em, 2, NOW);
            usedVerification(em, 3, NOW.plusSeconds(1));
        });

        assertEquals(1, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.USED_VERIFICATION_TOKENS, NOW, 10)));

        assertEquals(2, transactions.rows("used_verification"));
        assertEquals(0, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.USED_VERIFICATION_TOKENS, NOW, 10)));
    }

    @Test
    void rowsOneTransactionLockedAreSkippedByAnotherAndDeletedByTheFirst(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 1; i <= 5; i++) {
                usedVerification(em, i, NOW.minusSeconds(i));
            }
        });

        transactions.run(first -> {
            List<String> firstChunk = store(first).lockExpired(ExpiredRecords.USED_VERIFICATION_TOKENS, NOW, 3);
            List<String> secondChunk = transactions.inTransaction(second -> {
                List<String> locked = store(second).lockExpired(ExpiredRecords.USED_VERIFICATION_TOKENS, NOW, 10);
                assertEquals(locked.size(), store(second).delete(ExpiredRecords.USED_VERIFICATION_TOKENS, locked));
                return locked;
            });
            Set<String> both = new HashSet<>(firstChunk);
            both.addAll(secondChunk);
            assertEquals(3, firstChunk.size());
            assertEquals(2, secondChunk.size());
            assertEquals(5, both.size(), "disjoint");
            assertEquals(3, store(first).delete(ExpiredRecords.USED_VERIFICATION_TOKENS, firstChunk));
        });

        assertEquals(0, transactions.rows("used_verification"));
    }

    @Test
    void deletingNothingDeletesNothing(Transactions transactions) {
        transactions.run(em -> usedVerification(em, 1, NOW.minusSeconds(1)));

        assertEquals(0, (int) transactions.inTransaction(
                em -> store(em).delete(ExpiredRecords.USED_VERIFICATION_TOKENS, List.of())));
        assertEquals(1, transactions.rows("used_verification"));
    }

    private static void usedVerification(EntityManager em, int nonce, Instant expiresAt) {
        em.createNativeQuery("INSERT INTO {h-schema}used_verification (nonce, expires_at) VALUES (?1, ?2)")
                .setParameter(1, new byte[] {(byte) nonce})
                .setParameter(2, expiresAt)
                .executeUpdate();
    }
}
