package dev.tacit.client;

import java.util.List;

/**
 * What one read of the mailbox brought (docs/protocol.md §4.13): the messages that opened and checked out, in the
 * order the server received them, and how many did not (sealed to an old key, a sender whose certificate does not
 * chain to a pinned CA, a message outside any conversation, a replay) and were acknowledged and dropped.
 *
 * @param messages the messages read
 * @param dropped  how many could not be read
 */
public record Inbox(List<ReceivedMessage> messages, int dropped) {

    public Inbox {
        messages = List.copyOf(messages);
    }
}
