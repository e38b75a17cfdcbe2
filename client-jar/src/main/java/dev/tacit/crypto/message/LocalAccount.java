package dev.tacit.crypto.message;

import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.EnvelopeRecipient;
import dev.tacit.crypto.envelope.EnvelopeSender;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;

/** The private keys of this client's account: identity key and certificate, envelope key, and current signed pre-key. */
public final class LocalAccount {

    private final PhoneNumber number;
    private final IdentityKeyPair identity;
    private final EnvelopeSender sender;
    private final EnvelopeRecipient recipient;
    private final long preKeyId;
    private final AgreementKeyPair preKey;

    private LocalAccount(PhoneNumber number, IdentityKeyPair identity, EnvelopeSender sender, EnvelopeRecipient recipient,
                         long preKeyId, AgreementKeyPair preKey) {
        this.number = number;
        this.identity = identity;
        this.sender = sender;
        this.recipient = recipient;
        this.preKeyId = preKeyId;
        this.preKey = preKey;
    }

    /**
     * @throws MalformedEncodingException if the certificate does not carry the identity key
     */
    public static LocalAccount of(PhoneNumber number, IdentityKeyPair identity, IdentityCertificate certificate,
                                  AgreementKeyPair envelopeKey, long preKeyId, AgreementKeyPair preKey) throws MalformedEncodingException {
        return new LocalAccount(Objects.requireNonNull(number), identity, EnvelopeSender.of(identity, certificate),
                new EnvelopeRecipient(number, envelopeKey), preKeyId, Objects.requireNonNull(preKey));
    }

    public PhoneNumber number() {
        return number;
    }

    IdentityKeyPair identity() {
        return identity;
    }

    EnvelopeSender sender() {
        return sender;
    }

    /** The recipient side, to open envelopes addressed to this account. */
    public EnvelopeRecipient recipient() {
        return recipient;
    }

    long preKeyId() {
        return preKeyId;
    }

    AgreementKeyPair preKey() {
        return preKey;
    }

    @Override
    public String toString() {
        return "LocalAccount[" + number + ", keys=<redacted>]";
    }
}
