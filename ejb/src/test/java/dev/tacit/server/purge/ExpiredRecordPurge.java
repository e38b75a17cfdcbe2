package dev.tacit.server.purge;

import java.time.Instant;

import jakarta.persistence.EntityManager;

/** For store tests: one chunk of a purge step, locking and deleting in the caller's transaction as the job does. */
public final class ExpiredRecordPurge {

    private ExpiredRecordPurge() {
    }

    /** Deletes up to {@code limit} records of {@code kind} no longer needed at {@code now}; returns how many. */
    public static int purge(EntityManager entityManager, ExpiredRecords kind, Instant now, int limit) {
        ExpiredRecordStore store = store(entityManager);
        return store.delete(kind, store.lockExpired(kind, now, limit));
    }

    public static ExpiredRecordStore store(EntityManager entityManager) {
        ExpiredRecordStore store = new ExpiredRecordStore();
        store.entityManager = entityManager;
        return store;
    }
}
