package dev.tacit.server.tokens;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Storage of token-issuer keys. Runs in the caller's transaction. */
@ApplicationScoped
public class TokenIssuerKeyStore {

    /** Serialises key generation across cluster members for the rest of the transaction. */
    private static final long GENERATION_LOCK = 0x7461636974_01L; // "tacit" + 1

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    public void lockForGeneration() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, GENERATION_LOCK)
                .getSingleResult();
    }

    /** Keys whose tokens still verify at {@code now}, oldest first. */
    public List<TokenIssuerKeyRecord> verifyingAt(Instant now) {
        return entityManager.createQuery("""
                        SELECT k FROM TokenIssuerKeyRecord k
                        WHERE k.verifiesUntil > :now
                        ORDER BY k.signsFrom""", TokenIssuerKeyRecord.class)
                .setParameter("now", now)
                .getResultList();
    }

    public void add(TokenIssuerKeyRecord key) {
        entityManager.persist(key);
    }
}
