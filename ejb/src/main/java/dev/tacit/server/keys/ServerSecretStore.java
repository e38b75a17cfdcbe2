package dev.tacit.server.keys;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Storage of sealed server secrets. */
@ApplicationScoped
public class ServerSecretStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Stores {@code sealed} under {@code name} unless a secret of that name exists, and returns the one that
     * stands: when cluster members race, all end up with the first one stored. Commits on its own, so a
     * secret is never lost with an unrelated transaction's rollback.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ServerSecret storeIfAbsent(String name, byte[] sealed, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}server_secret (name, sealed, created_at)
                        VALUES (?1, ?2, ?3)
                        ON CONFLICT (name) DO NOTHING""")
                .setParameter(1, name)
                .setParameter(2, sealed)
                .setParameter(3, now)
                .executeUpdate();
        return entityManager.find(ServerSecret.class, name);
    }

    /** The secret called {@code name} if it is stored, else the oldest stored secret, if there is any. */
    public Optional<ServerSecret> preferring(String name) {
        return entityManager.createQuery("""
                        SELECT s FROM ServerSecret s
                        ORDER BY CASE WHEN s.name = :name THEN 0 ELSE 1 END, s.createdAt""", ServerSecret.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
