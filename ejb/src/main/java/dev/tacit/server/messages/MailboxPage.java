package dev.tacit.server.messages;

import java.util.List;
import java.util.Optional;

/** One page of a mailbox, and the cursor of the next page if the mailbox may hold more. */
public record MailboxPage(List<StoredMessage> messages, Optional<MailboxCursor> next) {
}
