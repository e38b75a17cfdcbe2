package dev.tacit.client;

import java.time.Instant;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A message taken from the mailbox, opened and checked: its sender's certificate chains to a pinned CA and the
 * sender signed it (docs/protocol.md §3.5), and it continues (or, for a first contact, starts) the conversation
 * with that sender.
 *
 * @param id           the server's id of the message
 * @param from         the sender, as certified
 * @param receivedAt   when the server received it
 * @param text         the text, decoded as UTF-8
 * @param firstContact whether it was a first contact: release its token ({@link TacitClient#release}) if it was
 *                     welcome, report it ({@link TacitClient#reportSpam}) if not
 */
public record ReceivedMessage(String id, PhoneNumber from, Instant receivedAt, String text, boolean firstContact) {

    @Override
    public String toString() {
        return "ReceivedMessage[" + id + " from " + from + (firstContact ? ", first contact" : "") + "]";
    }
}
