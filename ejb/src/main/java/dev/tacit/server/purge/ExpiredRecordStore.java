package dev.tacit.server.purge;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Finds and deletes records no longer needed ({@link ExpiredRecords}), in two halves a chunk step calls in one
 * transaction: {@link #lockExpired} locks up to a chunk of them, skipping rows other transactions hold (so two
 * executions at once, on any nodes, never take the same row), and {@link #delete} deletes those. A row is named by
 * its physical position ({@code ctid}) for the one kind of statement all the tables share: a position is stable
 * while the row is locked, as nothing else can update, delete or move it until this transaction ends. Runs in
 * the caller's transaction.
 */
@ApplicationScoped
public class ExpiredRecordStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Up to {@code limit} records of {@code kind} no longer needed at {@code now}, locked until the transaction
     * ends; rows another transaction holds are skipped.
     *
     * @return their positions, to pass to {@link #delete} in the same transaction
     */
    public List<String> lockExpired(ExpiredRecords kind, Instant now, int limit) {
        List<?> rows = entityManager.createNativeQuery("SELECT ctid::text FROM {h-schema}" + kind.table()
                        + " WHERE " + kind.expiredAt() + " LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    /**
     * Deletes the records of {@code kind} at {@code positions}, which this transaction locked through
     * {@link #lockExpired}.
     *
     * @return how many were deleted
     */
    public int delete(ExpiredRecords kind, List<String> positions) {
        if (positions.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("DELETE FROM {h-schema}" + kind.table()
                        + " WHERE ctid = ANY (CAST(?1 AS tid[]))")
                .setParameter(1, arrayLiteral(positions))
                .executeUpdate();
    }

    /** PostgreSQL's text form of an array of positions, {"(0,1)","(0,2)"}: one parameter, however many rows. */
    private static String arrayLiteral(List<String> positions) {
        StringBuilder literal = new StringBuilder("{");
        for (String position : positions) {
            literal.append(literal.length() == 1 ? "" : ",").append('"').append(position).append('"');
        }
        return literal.append('}').toString();
    }
}
