package dev.tacit.server.auth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The request-signature nonces already accepted (docs/protocol.md §5.3 step 8), in PostgreSQL: every server
 * node records into and checks against the same table, and a row stays until its signature is no longer
 * fresh, whatever the traffic, because the table forgets nothing but what the job purge-expired-records
 * (batch module) deletes. Runs in the caller's transaction. Spent bulk-sender challenges are kept here too,
 * under digests of their own ({@code dev.tacit.server.bulk.BulkSenderChallenges}): the same one-time record.
 */
@ApplicationScoped
public class RequestNonceStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Records a (keyid, nonce) pair, by its digest, until {@code expiresAt}: checking and recording are one
     * insert, atomic under the table's primary key.
     *
     * @return false if the pair was recorded before (by this node or another, in a committed transaction)
     */
    public boolean record(byte[] pairDigest, Instant expiresAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}request_nonce (pair_digest, expires_at)
                        VALUES (?1, ?2)
                        ON CONFLICT (pair_digest) DO NOTHING""")
                .setParameter(1, pairDigest)
                .setParameter(2, expiresAt)
                .executeUpdate() == 1;
    }

    /** Whether {@code pairDigest} is recorded (and not yet deleted): a read, for a cheap early refusal. */
    public boolean recorded(byte[] pairDigest) {
        return !entityManager.createNativeQuery("SELECT 1 FROM {h-schema}request_nonce WHERE pair_digest = ?1")
                .setParameter(1, pairDigest)
                .getResultList().isEmpty();
    }
}
