package dev.tacit.server.bulk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The bulk-sender grants in PostgreSQL ({@code bulk_sender_grant}), in the caller's transaction. An account has
 * at most one grant in force (a unique index); revoked grants stay, barring their certificates.
 */
@ApplicationScoped
public class BulkSenderGrantStore {

    private static final String COLUMNS = "id, account, certificate_sha256, subject, issuer, not_after, granted_at,"
            + " revoked_at";

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** Whether the operator revoked a grant of the certificate whose DER has this SHA-256, for any account. */
    public boolean barred(byte[] certificateSha256) {
        return !entityManager.createNativeQuery("""
                        SELECT 1 FROM {h-schema}bulk_sender_grant
                        WHERE certificate_sha256 = ?1 AND revoked_at IS NOT NULL""")
                .setParameter(1, certificateSha256)
                .getResultList().isEmpty();
    }

    /**
     * Grants {@code account}, replacing the grant it has in force (if any), under its account row's lock, so
     * concurrent proofs of one account leave one grant.
     */
    public BulkSenderGrant grant(String account, byte[] certificateSha256, String subject, String issuer,
                                 Instant notAfter, Instant now) {
        entityManager.createNativeQuery("SELECT number FROM {h-schema}account WHERE number = ?1 FOR UPDATE")
                .setParameter(1, account)
                .getResultList();
        entityManager.createNativeQuery("""
                        DELETE FROM {h-schema}bulk_sender_grant WHERE account = ?1 AND revoked_at IS NULL""")
                .setParameter(1, account)
                .executeUpdate();
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}bulk_sender_grant (account, certificate_sha256, subject, issuer, not_after,
                                                                 granted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        RETURNING\s""" + COLUMNS)
                .setParameter(1, account)
                .setParameter(2, certificateSha256)
                .setParameter(3, subject)
                .setParameter(4, issuer)
                .setParameter(5, notAfter)
                .setParameter(6, now)
                .getSingleResult();
        return grant(row);
    }

    /**
     * The account's latest grant, in force or revoked, share-locked until the transaction ends so that a
     * revocation waits for an issuance under way (and the issuance sees a revocation committed before it).
     */
    public Optional<BulkSenderGrant> latest(String account) {
        List<?> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM {h-schema}bulk_sender_grant"
                        + " WHERE account = ?1 ORDER BY granted_at DESC, id DESC LIMIT 1 FOR SHARE")
                .setParameter(1, account)
                .getResultList();
        return rows.stream().findFirst().map(row -> grant((Object[]) row));
    }

    /** The latest {@code limit} grants, newest first, in force and revoked. */
    public List<BulkSenderGrant> list(int limit) {
        return entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM {h-schema}bulk_sender_grant"
                        + " ORDER BY granted_at DESC, id DESC LIMIT ?1")
                .setParameter(1, limit)
                .getResultList().stream().map(row -> grant((Object[]) row)).toList();
    }

    /** Revokes grant {@code id} at {@code now}; a grant revoked before keeps its time. Empty if there is none. */
    public Optional<BulkSenderGrant> revoke(long id, Instant now) {
        List<?> rows = entityManager.createNativeQuery("UPDATE {h-schema}bulk_sender_grant"
                        + " SET revoked_at = COALESCE(revoked_at, GREATEST(?2, granted_at)) WHERE id = ?1 RETURNING "
                        + COLUMNS)
                .setParameter(1, id)
                .setParameter(2, now)
                .getResultList();
        return rows.stream().findFirst().map(row -> grant((Object[]) row));
    }

    private static BulkSenderGrant grant(Object[] row) {
        return new BulkSenderGrant(((Number) row[0]).longValue(), (String) row[1], (byte[]) row[2], (String) row[3],
                (String) row[4], instant(row[5]), instant(row[6]), Optional.ofNullable(row[7]).map(BulkSenderGrantStore::instant));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
