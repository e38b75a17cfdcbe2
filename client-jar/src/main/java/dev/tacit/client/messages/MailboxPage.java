package dev.tacit.client.messages;

import java.util.List;
import java.util.Optional;

/** One page of the mailbox, and the cursor of the next if there may be more. */
public record MailboxPage(List<PendingMessage> messages, Optional<String> next) {
}
