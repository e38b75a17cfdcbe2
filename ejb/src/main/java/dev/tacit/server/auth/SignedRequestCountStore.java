package dev.tacit.server.auth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.tacit.server.time.TimeWindow;

/**
 * How many signed requests each account made in the current fixed window (the per-account rate limit,
 * docs/protocol.md §5.3), in PostgreSQL: shared by every server node and never evicted, so no volume of
 * other traffic makes the server forget a count. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SignedRequestCountStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** Counts one more request of {@code number} in {@code window}, atomically, and returns the new count. */
    public int increment(String number, TimeWindow window) {
        Object count = entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}signed_request_window AS w (number, window_start, window_end, requests)
                        VALUES (?1, ?2, ?3, 1)
                        ON CONFLICT (number, window_start) DO UPDATE SET requests = w.requests + 1
                        RETURNING requests""")
                .setParameter(1, number)
                .setParameter(2, window.start())
                .setParameter(3, window.end())
                .getSingleResult();
        return ((Number) count).intValue();
    }

    /**
     * Deletes at most {@code limit} counts of windows that ended before {@code now}.
     *
     * @return how many were deleted
     */
    public int purgeEnded(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                        DELETE FROM {h-schema}signed_request_window
                        WHERE (number, window_start) IN (SELECT number, window_start
                                                         FROM {h-schema}signed_request_window
                                                         WHERE window_end < ?1 LIMIT ?2)""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
