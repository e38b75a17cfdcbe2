package dev.tacit.server.instance;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Storage of the installation's identity row. Runs in the caller's transaction. */
@ApplicationScoped
public class ServerInstanceStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Creates the row unless it exists, and returns the row that stands. Safe when several cluster members
     * start at once against one fresh database: exactly one insert wins.
     */
    public ServerInstance createIfAbsent(UUID candidateId, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}server_instance (singleton, instance_id, created_at)
                        VALUES (TRUE, ?1, ?2)
                        ON CONFLICT (singleton) DO NOTHING""")
                .setParameter(1, candidateId)
                .setParameter(2, now)
                .executeUpdate();
        return entityManager.find(ServerInstance.class, true);
    }
}
