package dev.tacit.batch.chunk;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;

/**
 * A reader whose items are rows it locks, a chunk at a time, in the chunk's transaction: at the first read of a
 * chunk it locks up to {@link #chunkSize()} rows due by the execution's cutoff, skipping rows other transactions
 * hold, and hands them out one by one; the writer changes or deletes them before the transaction commits. The
 * chunk's item count must equal the chunk size (the job XML takes both from one parameter), so a chunk never
 * reads rows locked by the one before. The state of the rows themselves is the progress: a committed chunk's rows
 * are no longer due, a failed chunk's changes are rolled back, so a restart reads exactly what is left. The
 * checkpoint is the cutoff, fixed when the execution first starts: a restart works on the same rows as the
 * failed execution would have, not on rows that fell due since. The step's property {@code chunkSize} is the
 * chunk size.
 *
 * @param <T> an item, what the writer needs to change one row
 */
public abstract class LockingReader<T> extends AbstractItemReader {

    /** The server's clock, which tests move. */
    @Inject
    Clock clock;

    /** Rows locked per chunk: the chunk's item count. */
    @Inject
    @BatchProperty
    String chunkSize;

    private Instant cutoff;
    private Iterator<T> chunk = List.<T>of().iterator();
    private boolean exhausted;

    /** Locks and returns up to {@code limit} rows due by {@code cutoff}, skipping rows others hold. */
    protected abstract List<T> lockDue(Instant cutoff, int limit);

    @Override
    public void open(Serializable checkpoint) {
        cutoff = checkpoint == null ? clock.instant() : (Instant) checkpoint;
    }

    @Override
    public Object readItem() {
        if (!chunk.hasNext()) {
            if (exhausted) {
                return null;
            }
            int limit = Integer.parseInt(chunkSize);
            List<T> locked = lockDue(cutoff, limit);
            exhausted = locked.size() < limit;
            chunk = locked.iterator();
            if (!chunk.hasNext()) {
                return null;
            }
        }
        return chunk.next();
    }

    @Override
    public Serializable checkpointInfo() {
        return cutoff;
    }
}
