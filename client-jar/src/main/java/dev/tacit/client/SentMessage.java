package dev.tacit.client;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A message the server accepted into its recipient's mailbox (docs/protocol.md §4.12).
 *
 * @param to           the recipient
 * @param id           the id the server gave it
 * @param firstContact whether it was a first contact, paid with a token, rather than a group-signed reply
 */
public record SentMessage(PhoneNumber to, String id, boolean firstContact) {
}
