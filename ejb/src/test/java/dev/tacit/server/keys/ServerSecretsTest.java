package dev.tacit.server.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Named server secrets in PostgreSQL: made once, stored sealed, the same for every cluster member. */
@ExtendWith(StoreDatabase.class)
class ServerSecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path directory;

    private SecretSealer sealer;

    @BeforeEach
    void sealerUnderAnOperatorKey() throws Exception {
        sealer = new SecretSealer();
        sealer.keyEncryptionKey = KeyEncryptionKeyTest.operatorKey(directory);
    }

    @Test
    void aSecretIsMadeOnceAndStoredSealed(Transactions transactions) {
        byte[] first = transactions.inTransaction(em -> member(em).getOrCreate("mac-key", 32));
        byte[] later = transactions.inTransaction(em -> member(em).getOrCreate("mac-key", 32));

        assertArrayEquals(first, later, "another member, or a restart, reads the same secret");
        byte[] stored = transactions.inTransaction(em -> (byte[]) em.createNativeQuery(
                "SELECT sealed FROM tacit.server_secret WHERE name = 'mac-key'").getSingleResult());
        assertFalse(HexFormat.of().formatHex(stored).contains(HexFormat.of().formatHex(first)), "stored sealed");
        assertArrayEquals(first, sealer.open("mac-key", stored));
    }

    @Test
    void membersStartingTogetherEndUpWithTheFirstSecretStored(Transactions transactions) throws Exception {
        List<String> secrets = transactions.concurrently(8,
                em -> HexFormat.of().formatHex(member(em).getOrCreate("mac-key", 32)));

        assertEquals(1, secrets.stream().distinct().count(), secrets.toString());
        assertEquals(1, transactions.rows("server_secret"));
    }

    @Test
    void aStoredSecretOfAnotherLengthIsRefused(Transactions transactions) {
        transactions.run(em -> member(em).getOrCreate("mac-key", 32));

        assertThrows(IllegalStateException.class, () -> transactions.run(em -> member(em).getOrCreate("mac-key", 16)));
    }

    /** A fresh ServerSecrets, as a newly started cluster member has: nothing held in memory yet. */
    private ServerSecrets member(EntityManager entityManager) {
        ServerSecretStore store = new ServerSecretStore();
        store.entityManager = entityManager;
        ServerSecrets secrets = new ServerSecrets();
        secrets.store = store;
        secrets.sealer = sealer;
        secrets.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return secrets;
    }
}
