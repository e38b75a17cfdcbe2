package dev.tacit.crypto.identity;

/** A {@link KeyBundle} whose certificate and key signatures have been verified; what a sender addresses. */
public final class VerifiedKeyBundle {

    private final CertifiedIdentity identity;
    private final SignedPreKey envelopeKey;
    private final SignedPreKey preKey;

    VerifiedKeyBundle(CertifiedIdentity identity, SignedPreKey envelopeKey, SignedPreKey preKey) {
        this.identity = identity;
        this.envelopeKey = envelopeKey;
        this.preKey = preKey;
    }

    public CertifiedIdentity identity() {
        return identity;
    }

    /** The HPKE recipient key. */
    public AgreementPublicKey envelopeKey() {
        return envelopeKey.publicKey();
    }

    /** The signed pre-key that starts a ratchet session. */
    public AgreementPublicKey preKey() {
        return preKey.publicKey();
    }

    public long preKeyId() {
        return preKey.keyId();
    }

    /** The bundle as published, to store and verify again later (against the pinned CA, at that time). */
    public KeyBundle bundle() {
        return KeyBundle.of(identity.certificate(), envelopeKey, preKey);
    }

    @Override
    public String toString() {
        return "VerifiedKeyBundle[" + identity + ", envelope=" + envelopeKey + ", preKey=" + preKey + "]";
    }
}
