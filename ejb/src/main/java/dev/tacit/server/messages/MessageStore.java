package dev.tacit.server.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Mailboxes: sealed envelopes by recipient, until acknowledged or expired (table {@code message}, V10). Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class MessageStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** Puts a message into {@code recipient}'s mailbox; {@code tokenHandle} is null for a group-signed reply. */
    public void insert(MessageId id, String recipient, Instant receivedAt, Instant expiresAt, byte[] envelope,
                       TokenHandle tokenHandle) {
        String handleColumn = tokenHandle == null ? "" : ", token_handle";
        String handleValue = tokenHandle == null ? "" : ", ?6";
        var insert = entityManager.createNativeQuery("INSERT INTO {h-schema}message (id, recipient, received_at,"
                        + " expires_at, envelope" + handleColumn + ") VALUES (?1, ?2, ?3, ?4, ?5" + handleValue + ")")
                .setParameter(1, id.bytes())
                .setParameter(2, recipient)
                .setParameter(3, receivedAt)
                .setParameter(4, expiresAt)
                .setParameter(5, envelope);
        if (tokenHandle != null) {
            insert.setParameter(6, tokenHandle.bytes());
        }
        insert.executeUpdate();
    }

    /**
     * Up to {@code limit} unexpired messages of {@code recipient}'s mailbox in (received_at, id) order, starting
     * after {@code after} (from the start if empty).
     */
    public List<StoredMessage> page(String recipient, Optional<MailboxCursor> after, Instant now, int limit) {
        Instant afterTime = after.map(MailboxCursor::receivedAt).orElse(Instant.EPOCH);
        byte[] afterId = after.map(cursor -> cursor.id().bytes()).orElse(new byte[0]);
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, received_at, envelope, token_handle FROM {h-schema}message
                        WHERE recipient = ?1 AND expires_at > ?2 AND (received_at, id) > (?3, ?4)
                        ORDER BY received_at, id
                        LIMIT ?5""")
                .setParameter(1, recipient)
                .setParameter(2, now)
                .setParameter(3, afterTime)
                .setParameter(4, afterId)
                .setParameter(5, limit)
                .getResultList();
        List<StoredMessage> messages = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            messages.add(new StoredMessage(MessageId.of((byte[]) columns[0]), instant(columns[1]), (byte[]) columns[2],
                    Optional.ofNullable((byte[]) columns[3]).map(TokenHandle::of)));
        }
        return messages;
    }

    /** Deletes message {@code id} from {@code recipient}'s mailbox; false if it holds no such message. */
    public boolean delete(String recipient, MessageId id) {
        return entityManager.createNativeQuery("DELETE FROM {h-schema}message WHERE id = ?1 AND recipient = ?2")
                .setParameter(1, id.bytes())
                .setParameter(2, recipient)
                .executeUpdate() == 1;
    }

    static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) column).toInstant();
    }
}
