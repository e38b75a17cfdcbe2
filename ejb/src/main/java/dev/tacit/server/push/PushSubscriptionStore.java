package dev.tacit.server.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Push subscriptions by account (table {@code push_subscription}, V11). Runs in the caller's transaction. */
@ApplicationScoped
public class PushSubscriptionStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** Locks the account's row, so that concurrent subscriptions of one account are counted one after another. */
    public void lockAccount(String account) {
        entityManager.createNativeQuery("SELECT 1 FROM {h-schema}account WHERE number = ?1 FOR UPDATE")
                .setParameter(1, account)
                .getResultList();
    }

    public Optional<byte[]> idOf(String account, String endpoint) {
        List<?> ids = entityManager.createNativeQuery(
                        "SELECT id FROM {h-schema}push_subscription WHERE account = ?1 AND endpoint = ?2")
                .setParameter(1, account)
                .setParameter(2, endpoint)
                .getResultList();
        return ids.stream().findFirst().map(byte[].class::cast);
    }

    public long count(String account) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM {h-schema}push_subscription WHERE account = ?1")
                .setParameter(1, account)
                .getSingleResult()).longValue();
    }

    public void insert(byte[] id, String account, String endpoint, Instant now) {
        entityManager.createNativeQuery("INSERT INTO {h-schema}push_subscription (id, account, endpoint, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, account)
                .setParameter(3, endpoint)
                .setParameter(4, now)
                .executeUpdate();
    }

    /** False if the account holds no subscription with this id. */
    public boolean delete(String account, byte[] id) {
        return entityManager.createNativeQuery("DELETE FROM {h-schema}push_subscription WHERE id = ?1 AND account = ?2")
                .setParameter(1, id)
                .setParameter(2, account)
                .executeUpdate() == 1;
    }

    public void deleteEndpoint(String account, String endpoint) {
        entityManager.createNativeQuery("DELETE FROM {h-schema}push_subscription WHERE account = ?1 AND endpoint = ?2")
                .setParameter(1, account)
                .setParameter(2, endpoint)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> endpoints(String account) {
        return entityManager.createNativeQuery("SELECT endpoint FROM {h-schema}push_subscription WHERE account = ?1")
                .setParameter(1, account)
                .getResultList();
    }
}
