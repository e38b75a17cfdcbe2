package dev.tacit.client;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A reply to {@code contact} was refused, and the updates of their group key (docs/protocol.md §4.30) revoke the
 * member credential they had handed over: they blocked this account. The credential is dropped; nothing was sent.
 */
public final class BlockedByContactException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    private final transient PhoneNumber contact;

    public BlockedByContactException(PhoneNumber contact) {
        super(contact.e164() + " has blocked this account: their group no longer accepts its replies");
        this.contact = contact;
    }

    public PhoneNumber contact() {
        return contact;
    }
}
