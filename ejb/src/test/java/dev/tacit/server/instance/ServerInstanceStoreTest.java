package dev.tacit.server.instance;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The installation's identity row in PostgreSQL: created once, whoever asks first. */
@ExtendWith(StoreDatabase.class)
class ServerInstanceStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theFirstIdentityStoredStands(Transactions transactions) {
        UUID first = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID second = UUID.fromString("00000000-0000-4000-8000-000000000002");

        ServerInstance created = transactions.inTransaction(em -> store(em).createIfAbsent(first, NOW));
        ServerInstance again = transactions.inTransaction(em -> store(em).createIfAbsent(second, NOW.plusSeconds(60)));

        assertEquals(first, created.instanceId());
        assertEquals(first, again.instanceId());
        assertEquals(NOW, again.createdAt());
    }

    @Test
    void membersStartingTogetherAgreeOnOneIdentity(Transactions transactions) throws Exception {
        List<UUID> ids = transactions.concurrently(8, em -> store(em).createIfAbsent(UUID.randomUUID(), NOW).instanceId());

        Set<UUID> distinct = ids.stream().collect(Collectors.toSet());
        assertEquals(1, distinct.size(), "one identity: " + ids);
        assertEquals(1, transactions.rows("server_instance"));
    }

    private static ServerInstanceStore store(EntityManager entityManager) {
        ServerInstanceStore store = new ServerInstanceStore();
        store.entityManager = entityManager;
        return store;
    }
}
