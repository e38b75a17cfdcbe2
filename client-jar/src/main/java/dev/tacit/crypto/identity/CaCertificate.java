package dev.tacit.crypto.identity;

import java.io.IOException;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The server's self-signed Ed25519 CA certificate, the trust anchor clients pin. Decoding checks that it is a
 * v3 CA certificate (basicConstraints cA, keyUsage keyCertSign, a subjectKeyIdentifier) whose self-signature
 * verifies.
 */
public final class CaCertificate {

    private final byte[] der;
    private final X509CertificateHolder holder;
    private final IdentityPublicKey key;

    private CaCertificate(byte[] der, X509CertificateHolder holder, IdentityPublicKey key) {
        this.der = der;
        this.holder = holder;
        this.key = key;
    }

    public static CaCertificate fromBytes(byte[] der) throws MalformedEncodingException {
        X509CertificateHolder holder = X509Support.parseCertificate(der);
        IdentityPublicKey key = X509Support.identityKeyOf(holder.getSubjectPublicKeyInfo());
        BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
        if (holder.getVersionNumber() != 3 || constraints == null || !constraints.isCA()
                || usage == null || !usage.hasUsages(KeyUsage.keyCertSign)
                || SubjectKeyIdentifier.fromExtensions(holder.getExtensions()) == null
                || !holder.getIssuer().equals(holder.getSubject())) {
            throw new MalformedEncodingException("not a self-signed v3 CA certificate");
        }
        try {
            if (!holder.isSignatureValid(X509Support.verifier(key))) {
                throw new MalformedEncodingException("CA certificate self-signature does not verify");
            }
        } catch (CertException e) {
            throw new MalformedEncodingException("CA certificate self-signature does not verify", e);
        }
        return new CaCertificate(der.clone(), holder, key);
    }

    static CaCertificate of(X509CertificateHolder holder) {
        try {
            return fromBytes(holder.getEncoded());
        } catch (IOException | MalformedEncodingException e) {
            throw new IllegalStateException("freshly built CA certificate is invalid", e);
        }
    }

    X509CertificateHolder holder() {
        return holder;
    }

    byte[] subjectKeyIdentifier() {
        return SubjectKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier();
    }

    /** The CA's Ed25519 public key. */
    public IdentityPublicKey publicKey() {
        return key;
    }

    /** The DER encoding, e.g. to pin in a client or to inspect with {@code openssl x509 -inform DER}. */
    public byte[] toBytes() {
        return der.clone();
    }

    @Override
    public String toString() {
        return "CaCertificate[" + holder.getSubject() + "]";
    }
}
