package dev.tacit.server.accounts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chains of accounts' group keys in PostgreSQL (V14__group_key.sql, docs/protocol.md §4.29, §4.30): a chain read
 * from any of its keys, a replacement that forgets the chain before it while epochs count on, and what the schema
 * itself refuses.
 */
@ExtendWith(StoreDatabase.class)
class GroupKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String NUMBER = "+14155550123";

    @BeforeEach
    void anAccount(Transactions transactions) {
        transactions.run(em -> accounts(em).lockOrCreate(NUMBER, new PublishedKeys(bytes(32, 1), bytes(100, 1),
                bytes(64, 1), bytes(64, 1), key(0)), NOW));
    }

    @Test
    void theChainIsReadFromAnyOfItsKeysToTheCurrentOne(Transactions transactions) {
        assertEquals(0, (int) transactions.inTransaction(em -> store(em).start(NUMBER, key(0))));
        transactions.run(em -> {
            store(em).append(NUMBER, 1, key(1), update(1));
            store(em).append(NUMBER, 2, key(2), update(2));
        });

        GroupKeyChain fromTheFirst = transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(0))).orElseThrow();
        assertEquals(2, fromTheFirst.epoch());
        assertArrayEquals(key(2), fromTheFirst.groupPublicKey());
        assertEquals(2, fromTheFirst.updates().size());
        assertArrayEquals(update(1), fromTheFirst.updates().get(0));
        assertArrayEquals(update(2), fromTheFirst.updates().get(1));
        GroupKeyChain fromTheMiddle = transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(1))).orElseThrow();
        assertEquals(1, fromTheMiddle.updates().size());
        assertArrayEquals(update(2), fromTheMiddle.updates().get(0));
        assertEquals(List.of(), transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(2))).orElseThrow()
                .updates(), "the current key: nothing to catch up");
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(9))));
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).chainFrom("+14155550199", key(0))),
                "another account's chain is not searched");
        assertEquals(2, (int) transactions.inTransaction(em -> store(em).updateCount(NUMBER)));
        assertEquals(Optional.of(2), transactions.inTransaction(em -> store(em).currentEpoch(NUMBER)));
    }

    @Test
    void aReplacementForgetsTheChainBeforeItAndEpochsCountOn(Transactions transactions) {
        transactions.run(em -> {
            store(em).start(NUMBER, key(0));
            store(em).append(NUMBER, 1, key(1), update(1));
        });

        assertEquals(2, (int) transactions.inTransaction(em -> store(em).start(NUMBER, key(5))));

        assertEquals(1, transactions.rows("group_key"));
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(0))));
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(1))));
        assertEquals(0, (int) transactions.inTransaction(em -> store(em).updateCount(NUMBER)));
        assertEquals(2, transactions.inTransaction(em -> store(em).chainFrom(NUMBER, key(5))).orElseThrow().epoch());
    }

    @Test
    void theSchemaRefusesAnEpochOrAKeyTwiceAndMisSizedKeysAndUpdates(Transactions transactions) {
        transactions.run(em -> store(em).start(NUMBER, key(0)));

        assertThrows(PersistenceException.class, () -> transactions.run(em -> store(em).append(NUMBER, 0, key(1),
                update(1))), "an epoch twice");
        assertThrows(PersistenceException.class, () -> transactions.run(em -> store(em).append(NUMBER, 1, key(0),
                update(1))), "a key twice");
        assertThrows(PersistenceException.class, () -> transactions.run(em -> store(em).append(NUMBER, 1, bytes(240, 3),
                update(1))), "a key of neither length");
        assertThrows(PersistenceException.class, () -> transactions.run(em -> store(em).append(NUMBER, 1, key(1),
                bytes(176, 3))), "an update of another length");
        assertThrows(PersistenceException.class, () -> transactions.run(em -> store(em).append("+14155550199", 0,
                key(1), null)), "a chain of an account that does not exist");
        assertEquals(1, transactions.rows("group_key"));
        transactions.run(em -> store(em).append(NUMBER, 1, bytes(385, 4), update(4)));
        assertTrue(transactions.inTransaction(em -> store(em).chainFrom(NUMBER, bytes(385, 4))).isPresent(),
                "a version-2 key (385 bytes)");
    }

    private static GroupKeyStore store(EntityManager entityManager) {
        GroupKeyStore store = new GroupKeyStore();
        store.entityManager = entityManager;
        return store;
    }

    private static AccountStore accounts(EntityManager entityManager) {
        AccountStore store = new AccountStore();
        store.entityManager = entityManager;
        return store;
    }

    /** A key's bytes, 241 of them, saying which it is; the store does not decode them. */
    private static byte[] key(int which) {
        return bytes(241, which);
    }

    private static byte[] update(int which) {
        return bytes(177, which);
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
