package dev.tacit.client.messages;

import java.time.Instant;
import java.util.Optional;

import dev.tacit.crypto.envelope.SealedEnvelope;

/**
 * A message waiting in the mailbox (docs/protocol.md §4.13): its id (acknowledge it by this once stored; a
 * message seen twice has the same id), when the server received it, the sealed envelope, and for a first
 * contact the handle that releases or reports its token.
 */
public record PendingMessage(String id, Instant receivedAt, SealedEnvelope envelope, Optional<String> tokenHandle) {

    public boolean isFirstContact() {
        return tokenHandle.isPresent();
    }
}
