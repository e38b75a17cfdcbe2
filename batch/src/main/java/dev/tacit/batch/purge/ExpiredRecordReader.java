package dev.tacit.batch.purge;

import java.time.Instant;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tacit.batch.chunk.LockingReader;
import dev.tacit.server.purge.ExpiredRecordStore;
import dev.tacit.server.purge.ExpiredRecords;

/**
 * Reads the records of one kind ({@code records}, an {@link ExpiredRecords} name) no longer needed at the
 * execution's start, a chunk of them locked at a time; items are row positions for {@link ExpiredRecordWriter}.
 */
@Named
@Dependent
public class ExpiredRecordReader extends LockingReader<String> {

    @Inject
    ExpiredRecordStore store;

    @Inject
    @BatchProperty
    String records;

    @Override
    protected List<String> lockDue(Instant cutoff, int limit) {
        return store.lockExpired(ExpiredRecords.valueOf(records), cutoff, limit);
    }
}
