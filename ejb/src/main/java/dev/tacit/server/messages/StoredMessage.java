package dev.tacit.server.messages;

import java.time.Instant;
import java.util.Optional;

/**
 * A message waiting in a mailbox: its random id, when it was received, the sealed envelope, and for a first
 * contact the handle of the token that paid for it (empty for a group-signed reply).
 */
public record StoredMessage(MessageId id, Instant receivedAt, byte[] envelope, Optional<TokenHandle> tokenHandle) {

    /** The position after this message in its mailbox's order. */
    public MailboxCursor cursor() {
        return new MailboxCursor(receivedAt, id);
    }
}
