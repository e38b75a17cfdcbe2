package dev.tacit.crypto.identity;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificatesTest {

    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki(random);

    @Test
    void certificationRequestCarriesNumberAndKeyAndItsProofOfPossessionVerifies() throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        CertificationRequest request = CertificationRequest.create(identity, PhoneNumber.of("+4915112345678"));

        CertificationRequest decoded = CertificationRequest.fromBytes(request.toBytes());

        assertEquals(PhoneNumber.of("+4915112345678"), decoded.requestedNumber());
        assertEquals(identity.publicKey(), decoded.identityKey());
    }

    @Test
    void requestWithBrokenProofOfPossessionIsRejected() throws Exception {
        byte[] der = CertificationRequest.create(IdentityKeyPair.generate(random), PhoneNumber.of("+15551234567")).toBytes();
        der[der.length - 1] ^= 1; // last byte of the Ed25519 signature

        assertThrows(InvalidCertificationRequestException.class, () -> CertificationRequest.fromBytes(der));
    }

    @Test
    void requestWithTrailingBytesIsMalformed() throws Exception {
        byte[] der = CertificationRequest.create(IdentityKeyPair.generate(random), PhoneNumber.of("+15551234567")).toBytes();

        assertThrows(MalformedEncodingException.class, () -> CertificationRequest.fromBytes(Arrays.copyOf(der, der.length + 1)));
        assertThrows(MalformedEncodingException.class, () -> CertificationRequest.fromBytes(Arrays.copyOf(der, der.length - 1)));
    }

    @Test
    void caRefusesARequestForAnotherNumberThanTheVerifiedOne() throws Exception {
        CertificationRequest request = CertificationRequest.create(IdentityKeyPair.generate(random), PhoneNumber.of("+15551234567"));

        assertThrows(InvalidCertificationRequestException.class, () -> pki.ca().issue(request, PhoneNumber.of("+15557654321"),
                TestPki.NOW, TestPki.NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void verifierReturnsTheCertifiedNumberAndKey() throws Exception {
        TestPki.Account alice = pki.register("+4930123456");

        CertifiedIdentity certified = pki.verifier().verify(IdentityCertificate.fromBytes(alice.certificate.toBytes()), TestPki.NOW);

        assertEquals(PhoneNumber.of("+4930123456"), certified.phoneNumber());
        assertEquals(alice.identity.publicKey(), certified.identityKey());
    }

    @Test
    void certificateFromAnotherCaIsUntrusted() {
        TestPki.Account forged = new TestPki(random).register("+4930123456");

        assertThrows(UntrustedCertificateException.class, () -> pki.verifier().verify(forged.certificate, TestPki.NOW));
    }

    @Test
    void certificateOutsideItsValidityIsUntrusted() {
        TestPki.Account alice = pki.register("+4930123456");

        assertThrows(UntrustedCertificateException.class,
                () -> pki.verifier().verify(alice.certificate, TestPki.NOW.plus(Duration.ofDays(400))));
        assertThrows(UntrustedCertificateException.class,
                () -> pki.verifier().verify(alice.certificate, TestPki.NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void tamperedCertificateIsUntrusted() throws Exception {
        byte[] der = pki.register("+4930123456").certificate.toBytes();
        der[der.length - 1] ^= 1;

        assertThrows(UntrustedCertificateException.class,
                () -> pki.verifier().verify(IdentityCertificate.fromBytes(der), TestPki.NOW));
    }

    @Test
    void certificateWithAnUnknownCriticalExtensionIsUntrusted() throws Exception {
        IdentityKeyPair caKey = IdentityKeyPair.generate(random);
        CertificateAuthority ca = CertificateAuthority.create(caKey, "CA", TestPki.NOW.minusSeconds(60),
                TestPki.NOW.plus(Duration.ofDays(1)), random);
        IdentityKeyPair subject = IdentityKeyPair.generate(random);
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info = X509Support.publicKeyInfo(subject.publicKey());
        org.bouncycastle.cert.X509v3CertificateBuilder builder = new org.bouncycastle.cert.X509v3CertificateBuilder(
                ca.certificate().holder().getSubject(), java.math.BigInteger.TEN, Date.from(TestPki.NOW.minusSeconds(60)),
                Date.from(TestPki.NOW.plusSeconds(60)), X509Support.commonName("+4930123456"), info);
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(false));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier, false,
                new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(ca.certificate().subjectKeyIdentifier()));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.nameConstraints, true, new org.bouncycastle.asn1.DERSequence());
        IdentityCertificate odd = IdentityCertificate.fromBytes(builder.build(X509Support.signer(caKey)).getEncoded());

        UntrustedCertificateException rejected = assertThrows(UntrustedCertificateException.class,
                () -> new PinnedCaVerifier(ca.certificate()).verify(odd, TestPki.NOW));
        assertTrue(rejected.getMessage().contains("critical extension"), rejected.getMessage());
    }

    @Test
    void expiredPinnedCaMakesEveryCertificateUntrusted() throws Exception {
        CertificateAuthority shortLived = CertificateAuthority.create(IdentityKeyPair.generate(random), "CA",
                TestPki.NOW.minus(Duration.ofDays(2)), TestPki.NOW.minus(Duration.ofDays(1)), random);
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        PhoneNumber number = PhoneNumber.of("+4930123456");
        IdentityCertificate certificate = shortLived.issue(CertificationRequest.create(identity, number), number,
                TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(60));

        UntrustedCertificateException rejected = assertThrows(UntrustedCertificateException.class,
                () -> new PinnedCaVerifier(shortLived.certificate()).verify(certificate, TestPki.NOW));
        assertTrue(rejected.getMessage().contains("pinned CA"), rejected.getMessage());
    }

    @Test
    void caCertificateIsNotAcceptedAsAnIdentityCertificate() {
        assertThrows(MalformedEncodingException.class, () -> IdentityCertificate.fromBytes(pki.ca().certificate().toBytes()));
    }

    @Test
    void issuedChainValidatesWithTheJdkPkixValidator() throws Exception {
        TestPki.Account alice = pki.register("+4930123456");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate root = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pki.ca().certificate().toBytes()));
        X509Certificate leaf = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(alice.certificate.toBytes()));

        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestPki.NOW));
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf)), parameters);

        assertEquals("CN=+4930123456", leaf.getSubjectX500Principal().getName().replace("\\", ""));
        assertEquals(3, leaf.getVersion());
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getKeyUsage()[0], "digitalSignature");
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        assertArrayEquals(alice.identity.publicKey().toBytes(),
                Arrays.copyOfRange(leaf.getPublicKey().getEncoded(), 12, 44));
    }

    @Test
    void caCanBeRestoredFromItsKeyAndCertificateOnly() throws Exception {
        IdentityKeyPair key = IdentityKeyPair.generate(random);
        CertificateAuthority created = CertificateAuthority.create(key, "CA", TestPki.NOW, TestPki.NOW.plus(Duration.ofDays(1)), random);

        CaCertificate pinned = CaCertificate.fromBytes(created.certificate().toBytes());
        CertificateAuthority restored = CertificateAuthority.of(IdentityKeyPair.fromSeed(key.seedBytes(InsecureSecretKeyAccess.get())), pinned, random);

        assertEquals(pinned.publicKey(), restored.certificate().publicKey());
        assertThrows(MalformedEncodingException.class,
                () -> CertificateAuthority.of(IdentityKeyPair.generate(random), pinned, random));
    }
}
