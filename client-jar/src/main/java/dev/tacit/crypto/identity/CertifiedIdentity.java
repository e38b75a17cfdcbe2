package dev.tacit.crypto.identity;

import java.util.Objects;

/**
 * A phone number and identity key that the pinned server CA vouches for: the result of
 * {@link PinnedCaVerifier#verify}. Only that verifier creates instances.
 */
public final class CertifiedIdentity {

    private final PhoneNumber phoneNumber;
    private final IdentityPublicKey identityKey;
    private final IdentityCertificate certificate;

    CertifiedIdentity(PhoneNumber phoneNumber, IdentityPublicKey identityKey, IdentityCertificate certificate) {
        this.phoneNumber = phoneNumber;
        this.identityKey = identityKey;
        this.certificate = certificate;
    }

    public PhoneNumber phoneNumber() {
        return phoneNumber;
    }

    public IdentityPublicKey identityKey() {
        return identityKey;
    }

    public IdentityCertificate certificate() {
        return certificate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertifiedIdentity && ((CertifiedIdentity) other).certificate.equals(certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificate);
    }

    @Override
    public String toString() {
        return "CertifiedIdentity[" + phoneNumber + ", " + identityKey + "]";
    }
}
