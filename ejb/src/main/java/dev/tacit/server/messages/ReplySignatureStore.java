package dev.tacit.server.messages;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Group signatures already accepted on replies (table {@code reply_signature}, V10), by SHA-256 of the signature:
 * checking and recording are one insert under the primary key, so a signature is accepted once across every node.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class ReplySignatureStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Records a signature's digest until {@code expiresAt}, when its timestamp stops being fresh.
     *
     * @return false if it was accepted before
     */
    public boolean record(byte[] signatureDigest, Instant expiresAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}reply_signature (digest, expires_at) VALUES (?1, ?2)
                        ON CONFLICT (digest) DO NOTHING""")
                .setParameter(1, signatureDigest)
                .setParameter(2, expiresAt)
                .executeUpdate() == 1;
    }
}
