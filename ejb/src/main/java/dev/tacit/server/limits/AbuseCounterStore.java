package dev.tacit.server.limits;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The abuse counters in PostgreSQL: how much of each {@link Allowance} is used, one row per (subject, window).
 * A table, not a cache: shared by every server node, and no volume of other traffic makes it forget a live
 * count. Rows outlive their window only until the job purge-expired-records (batch module) deletes them.
 */
@ApplicationScoped
public class AbuseCounterStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Uses one of each allowance, in the order given, or none: the first that has no use left ends the
     * transaction, rolled back, with {@link AllowanceSpentException}. Each use is one atomic upsert that adds
     * one only below the limit, so concurrent requests never overrun it. Commits on its own, before the caller
     * goes on: a count stands whatever the caller's request comes to. Callers list shared allowances (a prefix,
     * the overall one) in one fixed order, so concurrent transactions lock their rows in the same order.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void useAll(List<Allowance> allowances) {
        for (Allowance allowance : allowances) {
            if (!useOne(allowance)) {
                throw new AllowanceSpentException(allowance);
            }
        }
    }

    /** Gives back one use of {@code allowance} (never below zero); commits on its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void giveBack(Allowance allowance) {
        entityManager.createNativeQuery("""
                        UPDATE {h-schema}abuse_counter SET used = used - 1
                        WHERE subject = ?1 AND window_start = ?2 AND used > 0""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .executeUpdate();
    }

    /**
     * Takes as many of {@code wanted} uses of {@code allowance} as it has left, in the caller's transaction: the
     * counter's row stays locked until that transaction ends, so concurrent takers of one allowance queue and
     * together never take more than its limit, and a caller that fails after taking rolls its uses back (use
     * this when the uses pay for something the same transaction hands out, such as blind signatures).
     *
     * @return how many uses were taken, from 0 (the allowance is spent) to {@code wanted}
     */
    public int takeUpTo(Allowance allowance, int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("take at least one use");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}abuse_counter (subject, window_start, used, expires_at)
                        VALUES (?1, ?2, 0, ?3)
                        ON CONFLICT (subject, window_start) DO NOTHING""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .setParameter(3, allowance.windowEnd())
                .executeUpdate();
        int before = ((Number) entityManager.createNativeQuery("""
                        SELECT used FROM {h-schema}abuse_counter
                        WHERE subject = ?1 AND window_start = ?2
                        FOR UPDATE""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .getSingleResult()).intValue();
        int taken = Math.max(0, Math.min(wanted, allowance.limit() - before));
        if (taken > 0 && entityManager.createNativeQuery("""
                        UPDATE {h-schema}abuse_counter SET used = used + ?3
                        WHERE subject = ?1 AND window_start = ?2 AND used + ?3 <= ?4""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .setParameter(3, taken)
                .setParameter(4, allowance.limit())
                .executeUpdate() != 1) {
            throw new IllegalStateException("a locked abuse counter changed under its lock");
        }
        return taken;
    }

    /** How many uses of {@code allowance} are counted, as the caller's transaction sees them. */
    public int used(Allowance allowance) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT used FROM {h-schema}abuse_counter WHERE subject = ?1 AND window_start = ?2""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private boolean useOne(Allowance allowance) {
        List<?> counted = entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}abuse_counter AS c (subject, window_start, used, expires_at)
                        VALUES (?1, ?2, 1, ?3)
                        ON CONFLICT (subject, window_start) DO UPDATE SET used = c.used + 1 WHERE c.used < ?4
                        RETURNING used""")
                .setParameter(1, allowance.subject())
                .setParameter(2, allowance.windowStart())
                .setParameter(3, allowance.windowEnd())
                .setParameter(4, allowance.limit())
                .getResultList();
        return !counted.isEmpty();
    }
}
