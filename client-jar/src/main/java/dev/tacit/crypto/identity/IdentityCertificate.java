package dev.tacit.crypto.identity;

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.cert.X509CertificateHolder;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * An end-entity X.509 certificate binding an Ed25519 identity key to a phone number ({@code CN=<E.164>}).
 * Decoding checks only the shape; whether it is trustworthy is decided by {@link PinnedCaVerifier}, which is
 * the only way to obtain the certified number and key.
 */
public final class IdentityCertificate {

    /** Upper bound on an encoded certificate, far above the ~400 bytes Tacit issues. */
    public static final int MAX_LENGTH = 2048;

    private final byte[] der;
    private final X509CertificateHolder holder;
    private final PhoneNumber subjectNumber;
    private final IdentityPublicKey subjectKey;

    private IdentityCertificate(byte[] der, X509CertificateHolder holder, PhoneNumber subjectNumber, IdentityPublicKey subjectKey) {
        this.der = der;
        this.holder = holder;
        this.subjectNumber = subjectNumber;
        this.subjectKey = subjectKey;
    }

    public static IdentityCertificate fromBytes(byte[] der) throws MalformedEncodingException {
        if (der != null && der.length > MAX_LENGTH) {
            throw new MalformedEncodingException("certificate longer than " + MAX_LENGTH + " bytes");
        }
        X509CertificateHolder holder = X509Support.parseCertificate(der);
        if (holder.getVersionNumber() != 3) {
            throw new MalformedEncodingException("not an X.509 v3 certificate");
        }
        PhoneNumber number = PhoneNumber.of(X509Support.soleCommonName(holder.getSubject()));
        IdentityPublicKey key = X509Support.identityKeyOf(holder.getSubjectPublicKeyInfo());
        return new IdentityCertificate(der.clone(), holder, number, key);
    }

    X509CertificateHolder holder() {
        return holder;
    }

    PhoneNumber unverifiedNumber() {
        return subjectNumber;
    }

    IdentityPublicKey unverifiedKey() {
        return subjectKey;
    }

    /** Whether the certificate names {@code key} as its subject key; says nothing about whether it is trusted. */
    public boolean hasSubjectKey(IdentityPublicKey key) {
        return subjectKey.equals(key);
    }

    public byte[] toBytes() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityCertificate && MessageDigest.isEqual(der, ((IdentityCertificate) other).der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "IdentityCertificate[serial=" + holder.getSerialNumber().toString(16) + ", subject=" + subjectNumber + "]";
    }
}
