package dev.tacit.server.purge;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deletes the rows the server's checks no longer need, once a minute on every node: request nonces whose
 * signatures are stale (a replay of one fails the freshness check), the abuse counters of ended windows
 * (their subjects start afresh in the next window anyway) and spent discovery tokens whose key no longer
 * verifies (a replay of one is refused by its key). In batches, each its own short transaction, so a
 * backlog never holds one long lock. Running it on several nodes at once is harmless; missing runs only lets
 * the tables grow until the next.
 */
@Singleton
public class ExpiredRowPurge {

    static final int BATCH = 10_000;

    @Inject
    PurgeBatches batches;

    @Inject
    Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false,
            info = "purge of stale request nonces, ended abuse counters and retired spent tokens")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant now = clock.instant();
        while (batches.nonces(now, BATCH) == BATCH) {
            // another batch
        }
        while (batches.abuseCounters(now, BATCH) == BATCH) {
            // another batch
        }
        while (batches.spentTokens(now, BATCH) == BATCH) {
            // another batch
        }
    }
}
