package dev.tacit.server.wakeup;

/**
 * A message reached {@code recipient}'s mailbox: fired in the storing transaction, for observers that act once it
 * has committed ({@code TransactionPhase.AFTER_SUCCESS}), such as push wake-ups.
 */
public record MessageCommitted(String recipient) {
}
