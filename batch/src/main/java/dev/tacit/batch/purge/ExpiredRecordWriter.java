package dev.tacit.batch.purge;

import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tacit.server.purge.ExpiredRecordStore;
import dev.tacit.server.purge.ExpiredRecords;

/** Deletes the records of one kind ({@code records}) that {@link ExpiredRecordReader} locked, in one statement. */
@Named
@Dependent
public class ExpiredRecordWriter extends AbstractItemWriter {

    @Inject
    ExpiredRecordStore store;

    @Inject
    @BatchProperty
    String records;

    @Override
    public void writeItems(List<Object> items) {
        List<String> positions = items.stream().map(String.class::cast).toList();
        if (store.delete(ExpiredRecords.valueOf(records), positions) != positions.size()) {
            // The reader holds the rows' locks: nothing else can have deleted one meanwhile.
            throw new IllegalStateException("locked expired records were no longer there");
        }
    }
}
