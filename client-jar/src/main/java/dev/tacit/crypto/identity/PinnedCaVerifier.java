package dev.tacit.crypto.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Verifies identity certificates against one pinned server CA certificate (a chain of length one) and returns
 * the number and key it certifies.
 */
public final class PinnedCaVerifier {

    /** RFC 5280 §4.2: a certificate with any other critical extension must be rejected. */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD_CRITICAL_EXTENSIONS =
            Set.of(Extension.basicConstraints, Extension.keyUsage);

    private final CaCertificate ca;

    public PinnedCaVerifier(CaCertificate ca) {
        this.ca = ca;
    }

    /**
     * Checks issuer name and authority key identifier against the CA, the CA's Ed25519 signature, the validity
     * period at {@code now}, and that the certificate is an end-entity signing certificate.
     */
    public CertifiedIdentity verify(IdentityCertificate certificate, Instant now) throws UntrustedCertificateException {
        X509CertificateHolder holder = certificate.holder();
        if (!holder.getIssuer().equals(ca.holder().getSubject())) {
            throw new UntrustedCertificateException("certificate is not issued by the pinned CA");
        }
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());
        if (aki == null || !Arrays.equals(aki.getKeyIdentifierOctets(), ca.subjectKeyIdentifier())) {
            throw new UntrustedCertificateException("authority key identifier does not name the pinned CA key");
        }
        try {
            if (!X509Support.ED25519.equals(holder.getSignatureAlgorithm())
                    || !holder.isSignatureValid(X509Support.verifier(ca.publicKey()))) {
                throw new UntrustedCertificateException("certificate signature does not verify under the pinned CA key");
            }
        } catch (CertException e) {
            throw new UntrustedCertificateException("certificate signature does not verify under the pinned CA key", e);
        }
        if (!holder.isValidOn(Date.from(now))) {
            throw new UntrustedCertificateException("certificate is not valid at " + now);
        }
        if (!ca.holder().isValidOn(Date.from(now))) {
            throw new UntrustedCertificateException("pinned CA certificate is not valid at " + now);
        }
        if (!UNDERSTOOD_CRITICAL_EXTENSIONS.containsAll(holder.getCriticalExtensionOIDs())) {
            throw new UntrustedCertificateException("certificate has a critical extension this verifier does not process");
        }
        BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
        if (constraints == null || constraints.isCA() || usage == null || !usage.hasUsages(KeyUsage.digitalSignature)) {
            throw new UntrustedCertificateException("not an end-entity signing certificate");
        }
        return new CertifiedIdentity(certificate.unverifiedNumber(), certificate.unverifiedKey(), certificate);
    }

    public CaCertificate ca() {
        return ca;
    }
}
