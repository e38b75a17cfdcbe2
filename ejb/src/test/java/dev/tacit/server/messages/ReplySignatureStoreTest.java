package dev.tacit.server.messages;

import java.time.Instant;
import java.util.List;

import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.messages.MessagingRows.bytes;
import static dev.tacit.server.messages.MessagingRows.replies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply-signature replay records against a real PostgreSQL (V10__messaging.sql): each signature accepted once. */
@ExtendWith(StoreDatabase.class)
class ReplySignatureStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void ofConcurrentUsesOfOneSignatureExactlyOneIsAccepted(Transactions transactions) throws Exception {
        List<Boolean> accepted = transactions.concurrently(32,
                em -> replies(em).record(bytes(32, 1), NOW.plusSeconds(300)));

        assertEquals(1, accepted.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void aPurgeDeletesOnlyRecordsNoLongerFresh(Transactions transactions) {
        transactions.run(em -> {
            assertTrue(replies(em).record(bytes(32, 1), NOW.minusSeconds(1)));
            assertTrue(replies(em).record(bytes(32, 2), NOW.plusSeconds(1)));
        });

        assertEquals(1, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.REPLY_SIGNATURES, NOW, 10)));

        transactions.run(em -> {
            assertTrue(replies(em).record(bytes(32, 1), NOW.plusSeconds(300)), "purged");
            assertFalse(replies(em).record(bytes(32, 2), NOW.plusSeconds(300)), "still fresh");
        });
    }
}
