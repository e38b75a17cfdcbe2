package dev.tacit.crypto.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The server's certificate authority: an Ed25519 key and its self-signed CA certificate. Issues identity
 * certificates for verified phone numbers from proof-of-possession-checked {@link CertificationRequest}s.
 */
public final class CertificateAuthority {

    private final IdentityKeyPair key;
    private final CaCertificate certificate;
    private final SecureRandom random;

    private CertificateAuthority(IdentityKeyPair key, CaCertificate certificate, SecureRandom random) {
        this.key = key;
        this.certificate = certificate;
        this.random = random;
    }

    /** Creates a new self-signed CA named {@code CN=commonName}. */
    public static CertificateAuthority create(IdentityKeyPair key, String commonName, Instant notBefore, Instant notAfter,
                                              SecureRandom random) {
        SubjectPublicKeyInfo info = X509Support.publicKeyInfo(key.publicKey());
        BcX509ExtensionUtils extensions = new BcX509ExtensionUtils();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(X509Support.commonName(commonName), serial(random),
                Date.from(notBefore), Date.from(notAfter), X509Support.commonName(commonName), info);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(info));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new CertificateAuthority(key, CaCertificate.of(builder.build(X509Support.signer(key))), random);
    }

    /** Restores a CA from its key and certificate, checking that they belong together. */
    public static CertificateAuthority of(IdentityKeyPair key, CaCertificate certificate, SecureRandom random)
            throws MalformedEncodingException {
        if (!certificate.publicKey().equals(key.publicKey())) {
            throw new MalformedEncodingException("CA key does not match the CA certificate");
        }
        return new CertificateAuthority(key, certificate, random);
    }

    /**
     * Issues an identity certificate for {@code verifiedNumber}, the number the server has just verified by SMS.
     *
     * @throws InvalidCertificationRequestException if the request asks for a different number
     */
    public IdentityCertificate issue(CertificationRequest request, PhoneNumber verifiedNumber, Instant notBefore, Instant notAfter)
            throws InvalidCertificationRequestException {
        if (!request.requestedNumber().equals(verifiedNumber)) {
            throw new InvalidCertificationRequestException("request is for another number than the verified one");
        }
        SubjectPublicKeyInfo info = X509Support.publicKeyInfo(request.identityKey());
        BcX509ExtensionUtils extensions = new BcX509ExtensionUtils();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(certificate.holder().getSubject(), serial(random),
                Date.from(notBefore), Date.from(notAfter), X509Support.commonName(verifiedNumber.e164()), info);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(info));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(certificate.subjectKeyIdentifier()));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        X509CertificateHolder issued = builder.build(X509Support.signer(key));
        try {
            return IdentityCertificate.fromBytes(issued.getEncoded());
        } catch (IOException | MalformedEncodingException e) {
            throw new IllegalStateException("freshly issued certificate is invalid", e);
        }
    }

    public CaCertificate certificate() {
        return certificate;
    }

    /** A positive 127-bit random serial number (RFC 5280 §4.1.2.2 allows up to 20 octets). */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(126);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate + ", key=<redacted>]";
    }
}
