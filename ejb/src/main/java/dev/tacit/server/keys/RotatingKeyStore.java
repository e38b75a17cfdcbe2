package dev.tacit.server.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Storage of rotating keys. Runs in the caller's transaction. */
@ApplicationScoped
public class RotatingKeyStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** Serialises key generation for {@code purpose} across cluster members until the transaction ends. */
    public void lockForGeneration(String purpose) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "tacit rotating key " + purpose)
                .getSingleResult();
    }

    /** The keys of {@code purpose} whose signatures are still accepted at {@code now}, oldest first. */
    public List<RotatingKeyRecord> verifyingAt(String purpose, Instant now) {
        return entityManager.createQuery("""
                        SELECT k FROM RotatingKeyRecord k
                        WHERE k.purpose = :purpose AND k.verifiesUntil > :now
                        ORDER BY k.signsFrom""", RotatingKeyRecord.class)
                .setParameter("purpose", purpose)
                .setParameter("now", now)
                .getResultList();
    }

    public void add(RotatingKeyRecord key) {
        entityManager.persist(key);
    }

    /** The first key ever stored, of any purpose, if there is one. */
    public Optional<RotatingKeyRecord> oldest() {
        return entityManager.createQuery("SELECT k FROM RotatingKeyRecord k ORDER BY k.createdAt", RotatingKeyRecord.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
