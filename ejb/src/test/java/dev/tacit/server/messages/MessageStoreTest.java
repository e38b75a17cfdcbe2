package dev.tacit.server.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.messages.MessagingRows.account;
import static dev.tacit.server.messages.MessagingRows.bytes;
import static dev.tacit.server.messages.MessagingRows.handle;
import static dev.tacit.server.messages.MessagingRows.messages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mailboxes against a real PostgreSQL with the real schema (V10__messaging.sql): order, paging, acknowledgement. */
@ExtendWith(StoreDatabase.class)
class MessageStoreTest {

    private static final String BOB = "+14155550301";
    private static final String CAROL = "+14155550302";
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(86_400);

    @BeforeEach
    void accounts(Transactions transactions) {
        transactions.run(em -> {
            account(em, BOB);
            account(em, CAROL);
        });
    }

    @Test
    void aMailboxIsPagedInReceivedOrderAndHoldsOnlyItsOwnMessages(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 1; i <= 5; i++) {
                messages(em).insert(id(i), BOB, NOW.plusSeconds(10 - i), EXPIRES, bytes(561, i), i == 1 ? handle(9) : null);
            }
            messages(em).insert(id(6), CAROL, NOW, EXPIRES, bytes(561, 6), null);
        });

        List<StoredMessage> first = transactions.inTransaction(em -> messages(em).page(BOB, Optional.empty(), NOW, 2));
        List<StoredMessage> second = transactions.inTransaction(
                em -> messages(em).page(BOB, Optional.of(first.get(1).cursor()), NOW, 2));
        List<StoredMessage> third = transactions.inTransaction(
                em -> messages(em).page(BOB, Optional.of(second.get(1).cursor()), NOW, 2));

        assertEquals(List.of(id(5), id(4)), ids(first));
        assertEquals(List.of(id(3), id(2)), ids(second));
        assertEquals(List.of(id(1)), ids(third));
        assertEquals(Optional.of(handle(9)), third.get(0).tokenHandle(), "a first contact names its token's handle");
        assertEquals(Optional.empty(), first.get(0).tokenHandle(), "a reply has none");
        assertArrayEquals(bytes(561, 1), third.get(0).envelope());
        assertEquals(NOW.plusSeconds(9), third.get(0).receivedAt());
    }

    @Test
    void messagesReceivedInTheSameMicrosecondArePagedByIdWithoutLoss(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 1; i <= 3; i++) {
                messages(em).insert(id(i), BOB, NOW, EXPIRES, bytes(561, i), null);
            }
        });

        List<StoredMessage> first = transactions.inTransaction(em -> messages(em).page(BOB, Optional.empty(), NOW, 1));
        List<StoredMessage> rest = transactions.inTransaction(
                em -> messages(em).page(BOB, Optional.of(first.get(0).cursor()), NOW, 10));

        assertEquals(List.of(id(1)), ids(first));
        assertEquals(List.of(id(2), id(3)), ids(rest));
    }

    @Test
    void anAcknowledgedMessageIsGoneAndOnlyItsRecipientAcknowledgesIt(Transactions transactions) {
        transactions.run(em -> messages(em).insert(id(1), BOB, NOW, EXPIRES, bytes(561, 1), null));

        transactions.run(em -> assertFalse(messages(em).delete(CAROL, id(1)), "not Carol's"));
        transactions.run(em -> assertTrue(messages(em).delete(BOB, id(1))));
        transactions.run(em -> assertFalse(messages(em).delete(BOB, id(1)), "acknowledged once"));

        assertEquals(0, transactions.rows("message"));
    }

    @Test
    void expiredMessagesAreNotListedAndArePurged(Transactions transactions) {
        transactions.run(em -> {
            messages(em).insert(id(1), BOB, NOW.minusSeconds(100), NOW.minusSeconds(1), bytes(561, 1), null);
            messages(em).insert(id(2), BOB, NOW.minusSeconds(50), NOW.plusSeconds(1), bytes(561, 2), null);
        });

        assertEquals(List.of(id(2)),
                ids(transactions.inTransaction(em -> messages(em).page(BOB, Optional.empty(), NOW, 10))));
        assertEquals(1, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.UNDELIVERED_MESSAGES, NOW, 10)));
        assertEquals(1, transactions.rows("message"));
    }

    @Test
    void aCursorRoundTripsAndAnythingElseIsRefused() throws MalformedEncodingException {
        MailboxCursor cursor = new MailboxCursor(Instant.parse("2026-12-01T09:00:00.123456789Z"), id(7));

        MailboxCursor decoded = MailboxCursor.decode(cursor.encode());

        assertEquals(Instant.parse("2026-12-01T09:00:00.123456Z"), decoded.receivedAt(), "PostgreSQL's precision");
        assertEquals(id(7), decoded.id());
        assertThrows(MalformedEncodingException.class, () -> MailboxCursor.decode("AAAA"));
        assertThrows(MalformedEncodingException.class, () -> MailboxCursor.decode(cursor.encode() + "A"));
        assertThrows(MalformedEncodingException.class, () -> MailboxCursor.decode("not a cursor!"));
    }

    private static MessageId id(int fill) {
        return MessageId.of(bytes(16, fill));
    }

    private static List<MessageId> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }
}
