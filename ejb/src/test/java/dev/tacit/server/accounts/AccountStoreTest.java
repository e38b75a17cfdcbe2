package dev.tacit.server.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts and used verification tokens in PostgreSQL (V4__account.sql): what registration relies on when
 * requests race, checked with concurrent transactions, and the limits the schema itself enforces.
 */
@ExtendWith(StoreDatabase.class)
class AccountStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String NUMBER = "+14155550100";
    private static final byte[] NONCE = bytes(16, 7);

    @Test
    void aVerificationTokenIsMarkedUsedOnlyOnce(Transactions transactions) {
        boolean first = transactions.inTransaction(em -> store(em).markVerificationUsed(NONCE, NOW));
        boolean second = transactions.inTransaction(em -> store(em).markVerificationUsed(NONCE, NOW));

        assertTrue(first);
        assertFalse(second);
        assertEquals(1, transactions.rows("used_verification"));
    }

    @Test
    void ofConcurrentUsesOfOneVerificationTokenExactlyOneGetsThrough(Transactions transactions) throws Exception {
        List<Boolean> marked = transactions.concurrently(16, em -> store(em).markVerificationUsed(NONCE, NOW));

        assertEquals(1, marked.stream().filter(Boolean::booleanValue).count(), marked.toString());
    }

    @Test
    void aRolledBackRegistrationLeavesItsVerificationTokenUnused(Transactions transactions) {
        assertThrows(IllegalStateException.class, () -> transactions.run(em -> {
            store(em).markVerificationUsed(NONCE, NOW);
            throw new IllegalStateException("a later check failed");
        }));

        boolean unused = transactions.inTransaction(em -> store(em).markVerificationUsed(NONCE, NOW));

        assertTrue(unused);
    }

    @Test
    void anAccountIsCreatedOnceAndThenFoundLocked(Transactions transactions) {
        AccountStore.LockedAccount created = transactions.inTransaction(em -> store(em).lockOrCreate(NUMBER, keys(1), NOW));
        AccountStore.LockedAccount again = transactions.inTransaction(
                em -> store(em).lockOrCreate(NUMBER, keys(2), NOW.plusSeconds(60)));

        assertTrue(created.created());
        assertFalse(again.created());
        assertArrayEquals(keys(1).identityKey(), again.account().identityKey(), "the store leaves the keys as they were");
        assertEquals(NOW, again.account().registeredAt());
        assertEquals(0, again.account().tokensIssued());
    }

    @Test
    void concurrentRegistrationsOfOneNumberAreIssuedFiveTokensInAll(Transactions transactions) throws Exception {
        List<Integer> granted = transactions.concurrently(16, em -> {
            Account account = store(em).lockOrCreate(NUMBER, keys(1), NOW).account();
            int tokens = Math.min(account.tokensRemaining(), Account.REGISTRATION_TOKENS);
            account.recordTokensIssued(tokens);
            return tokens;
        });

        assertEquals(5, granted.stream().mapToInt(Integer::intValue).sum(), granted.toString());
        assertEquals(5, tokensIssued(transactions));
    }

    @Test
    void theSchemaRefusesASixthTokenWhateverTheApplicationDoes(Transactions transactions) {
        transactions.run(em -> store(em).lockOrCreate(NUMBER, keys(1), NOW).account().recordTokensIssued(5));

        assertThrows(PersistenceException.class, () -> transactions.run(em -> em.createNativeQuery(
                "UPDATE tacit.account SET tokens_issued = 6 WHERE number = '" + NUMBER + "'").executeUpdate()));
        assertThrows(IllegalArgumentException.class, () -> transactions.run(
                em -> store(em).lock(NUMBER).recordTokensIssued(1)));
        assertEquals(5, tokensIssued(transactions));
    }

    @Test
    void theSchemaRefusesANumberNotInE164AndAnIdentityKeyOfTheWrongLength(Transactions transactions) {
        PublishedKeys shortKey = new PublishedKeys(bytes(31, 1), bytes(8, 2), bytes(8, 3), bytes(8, 4), bytes(8, 5));

        assertThrows(PersistenceException.class,
                () -> transactions.run(em -> store(em).lockOrCreate("14155550100", keys(1), NOW)));
        assertThrows(PersistenceException.class, // §1.2: a country calling code and at least one more digit
                () -> transactions.run(em -> store(em).lockOrCreate("+7", keys(1), NOW)));
        assertThrows(PersistenceException.class,
                () -> transactions.run(em -> store(em).lockOrCreate(NUMBER, shortKey, NOW)));
        assertEquals(0, transactions.rows("account"));
    }

    @Test
    void replacedKeysAreStoredWithTheTimeOfTheChange(Transactions transactions) {
        transactions.run(em -> store(em).lockOrCreate(NUMBER, keys(1), NOW));

        transactions.run(em -> {
            Account account = store(em).lock(NUMBER);
            account.replacePreKey(bytes(40, 9), NOW.plusSeconds(3600));
            account.replaceGroupPublicKey(bytes(50, 10), NOW.plusSeconds(3600));
        });

        Account stored = transactions.inTransaction(em -> store(em).find(NUMBER).orElseThrow());
        assertArrayEquals(bytes(40, 9), stored.preKey());
        assertArrayEquals(bytes(50, 10), stored.groupPublicKey());
        assertArrayEquals(keys(1).identityKey(), stored.identityKey());
        OffsetDateTime updated = transactions.inTransaction(em -> (OffsetDateTime) em.createNativeQuery(
                "SELECT updated_at FROM tacit.account", OffsetDateTime.class).getSingleResult());
        assertEquals(NOW, updated.toInstant().minusSeconds(3600));
    }

    @Test
    void lockingAnAccountThatDoesNotExistFails(Transactions transactions) {
        assertThrows(IllegalStateException.class, () -> transactions.run(em -> store(em).lock(NUMBER)));
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).find(NUMBER)));
    }

    private static int tokensIssued(Transactions transactions) {
        return transactions.inTransaction(em -> store(em).find(NUMBER).orElseThrow().tokensIssued());
    }

    private static AccountStore store(EntityManager entityManager) {
        AccountStore store = new AccountStore();
        store.entityManager = entityManager;
        return store;
    }

    /** Keys whose bytes say which set they are; the store does not decode them. */
    private static PublishedKeys keys(int set) {
        return new PublishedKeys(bytes(32, set), bytes(100, set), bytes(64, set), bytes(64, set), bytes(150, set));
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
