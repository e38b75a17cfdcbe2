package dev.tacit.client.messages;

import java.time.Duration;

import dev.tacit.client.TacitClientException;

/** What a {@link MailboxEvents} stream delivers (docs/protocol.md §4.20). */
public sealed interface MailboxEvent {

    /**
     * The stream is open: from now on every message committed to the mailbox is announced. After a reconnection,
     * the messages committed while the client was away come next.
     */
    record Connected() implements MailboxEvent {
    }

    /**
     * A new message is in the mailbox: fetch it with {@link MailboxClient#list}. The same message may be announced
     * more than once; {@code messageId} lets the client drop repeats. {@code eventId} is what the stream resumes
     * after.
     */
    record NewMessage(String messageId, String eventId) implements MailboxEvent {
    }

    /** The connection was lost or refused for a while; the stream connects again after {@code delay}. */
    record Reconnecting(Duration delay, String reason) implements MailboxEvent {
    }

    /**
     * The stream has ended for good: the server refused it in a way retrying does not mend (the account's signature
     * was refused, say), or it was closed. Nothing follows.
     */
    record Closed(TacitClientException cause) implements MailboxEvent {
    }
}
