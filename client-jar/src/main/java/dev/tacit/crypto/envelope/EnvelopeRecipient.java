package dev.tacit.crypto.envelope;

import java.util.Objects;

import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;

/** The recipient's side of opening: its own number and the private half of its published envelope key. */
public final class EnvelopeRecipient {

    private final PhoneNumber number;
    private final AgreementKeyPair envelopeKey;

    public EnvelopeRecipient(PhoneNumber number, AgreementKeyPair envelopeKey) {
        this.number = Objects.requireNonNull(number);
        this.envelopeKey = Objects.requireNonNull(envelopeKey);
    }

    PhoneNumber number() {
        return number;
    }

    AgreementKeyPair envelopeKey() {
        return envelopeKey;
    }

    @Override
    public String toString() {
        return "EnvelopeRecipient[" + number + "]";
    }
}
