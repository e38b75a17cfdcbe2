package dev.tacit.crypto.envelope;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityKeyPair;

/** The sender's side of sealing: its identity key and the certificate the server issued for it. */
public final class EnvelopeSender {

    private final IdentityKeyPair identity;
    private final IdentityCertificate certificate;

    private EnvelopeSender(IdentityKeyPair identity, IdentityCertificate certificate) {
        this.identity = identity;
        this.certificate = certificate;
    }

    /**
     * @throws MalformedEncodingException if the certificate does not carry this identity key
     */
    public static EnvelopeSender of(IdentityKeyPair identity, IdentityCertificate certificate) throws MalformedEncodingException {
        if (!certificate.hasSubjectKey(identity.publicKey())) {
            throw new MalformedEncodingException("certificate is for another identity key");
        }
        return new EnvelopeSender(identity, certificate);
    }

    IdentityKeyPair identity() {
        return identity;
    }

    IdentityCertificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "EnvelopeSender[" + certificate + "]";
    }
}
