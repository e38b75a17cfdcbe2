package dev.tacit.client;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A reply to {@code contact} was refused, and the server gives no updates for the key of the credential they handed
 * over (docs/protocol.md §4.30): they replaced their group (or this client's clock is more than a few minutes off).
 * Start over with a first contact.
 */
public final class CredentialNotAcceptedException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    private final transient PhoneNumber contact;

    public CredentialNotAcceptedException(PhoneNumber contact, ProblemResponseException refusal) {
        super(contact.e164() + "'s group no longer accepts the credential they handed over: start over with a first"
                + " contact", refusal);
        this.contact = contact;
    }

    public PhoneNumber contact() {
        return contact;
    }
}
