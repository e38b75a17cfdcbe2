package dev.tacit.crosscheck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.concat;
import static dev.tacit.crosscheck.Octets.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/protocol.md §3.2 and §3.3 checked with the JDK alone: SunEC's deterministic Ed25519 reproduces the signed keys,
 * the JDK's X.509 parser and PKIX validator accept the example certificates with the profile §3.2 states, and the
 * certification request is rebuilt field by field with its proof of possession.
 */
class IdentityCrossCheckTest {

    private static final byte[] SIGNED_KEY_VERSION = {0x01};

    private static Map<String, String> certificates;
    private static Map<String, String> signedKeys;

    @BeforeAll
    static void readTheDocument() {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        certificates = document.example("e2e-certificates");
        signedKeys = document.example("e2e-signed-keys");
    }

    /** signed_key = 0x01 || purpose || key_id (u32) || x25519_public || Ed25519(label || 0x00 || key_id || x25519_public). */
    private static byte[] signedKey(byte[] identitySeed, int purpose, String label, long keyId, byte[] x25519Public)
            throws GeneralSecurityException {
        byte[] signature = JdkCurve25519.ed25519Sign(identitySeed,
                concat(Octets.ascii(label), new byte[1], Octets.i2osp(keyId, 4), x25519Public));
        return concat(SIGNED_KEY_VERSION, new byte[] {(byte) purpose}, Octets.i2osp(keyId, 4), x25519Public, signature);
    }

    @Test
    void signedKeysAreReproducedByTheJdk() throws GeneralSecurityException {
        byte[] seed = hex(signedKeys.get("identity_seed"));
        byte[] envelopeKey = JdkCurve25519.x25519Public(hex(signedKeys.get("envelope_key_private")));
        byte[] preKey = JdkCurve25519.x25519Public(hex(signedKeys.get("pre_key_private")));

        assertEquals(signedKeys.get("identity_public"), hex(JdkCurve25519.ed25519Public(seed)));
        assertEquals(signedKeys.get("envelope_key_public"), hex(envelopeKey));
        // Key ids 1 (envelope key) and 7 (pre-key), as §3.2 states for the examples.
        assertEquals(signedKeys.get("signed_envelope_key"), hex(signedKey(seed, 0x02, "tacit/v1/envelope-key", 1, envelopeKey)));
        assertEquals(signedKeys.get("signed_pre_key"), hex(signedKey(seed, 0x01, "tacit/v1/signed-pre-key", 7, preKey)));
    }

    @Test
    void exampleCertificatesPassTheJdksPkixValidationAndHaveTheStatedProfile() throws Exception {
        X509Certificate ca = SpecEnvelope.certificate(hex(certificates.get("ca_certificate")));
        X509Certificate identity = SpecEnvelope.certificate(hex(certificates.get("identity_certificate")));
        byte[] caKey = JdkCurve25519.ed25519Public(hex(certificates.get("ca_seed")));
        byte[] identityKey = JdkCurve25519.ed25519Public(hex(certificates.get("identity_seed")));
        Instant notBefore = Instant.parse(certificates.get("not_before"));
        Instant notAfter = Instant.parse(certificates.get("not_after"));

        ca.verify(ca.getPublicKey(), "SunEC");
        identity.verify(ca.getPublicKey(), "SunEC");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(notBefore.plusSeconds(86_400)));
        CertPathValidator.getInstance("PKIX", "SUN").validate(
                CertificateFactory.getInstance("X.509", "SUN").generateCertPath(List.of(identity)), parameters);

        assertArrayEquals(caKey, JdkCurve25519.ed25519Raw(ca.getPublicKey()));
        assertEquals(hex(Der.commonNameOnly(certificates.get("ca_common_name"))), hex(ca.getSubjectX500Principal().getEncoded()));
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(0, ca.getBasicConstraints(), "cA=TRUE, pathLenConstraint=0");
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, true, false, false},
                Arrays.copyOf(ca.getKeyUsage(), 9), "keyCertSign, cRLSign");
        assertEquals(Set.of("2.5.29.19", "2.5.29.15"), ca.getCriticalExtensionOIDs());

        assertArrayEquals(identityKey, JdkCurve25519.ed25519Raw(identity.getPublicKey()));
        assertEquals(hex(Der.commonNameOnly(certificates.get("e164"))), hex(identity.getSubjectX500Principal().getEncoded()));
        assertEquals(ca.getSubjectX500Principal(), identity.getIssuerX500Principal());
        assertEquals(-1, identity.getBasicConstraints(), "cA=FALSE");
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false},
                Arrays.copyOf(identity.getKeyUsage(), 9), "digitalSignature");
        assertEquals(Set.of("2.5.29.19", "2.5.29.15"), identity.getCriticalExtensionOIDs());
        assertTrue(identity.getSerialNumber().signum() > 0 && identity.getSerialNumber().bitLength() <= 127);
        assertEquals(notBefore, identity.getNotBefore().toInstant());
        assertEquals(notAfter, identity.getNotAfter().toInstant());
        assertEquals(notBefore, ca.getNotBefore().toInstant());
        assertEquals(notAfter, ca.getNotAfter().toInstant());

        // RFC 5280 method 1: SHA-1 of the subjectPublicKey bits; the AKI carries only the CA's key identifier.
        byte[] caKeyIdentifier = MessageDigest.getInstance("SHA-1", "SUN").digest(caKey);
        byte[] identityKeyIdentifier = MessageDigest.getInstance("SHA-1", "SUN").digest(identityKey);
        assertArrayEquals(concat(hex("04160414"), caKeyIdentifier), ca.getExtensionValue("2.5.29.14"));
        assertArrayEquals(concat(hex("04160414"), identityKeyIdentifier), identity.getExtensionValue("2.5.29.14"));
        assertArrayEquals(concat(hex("041830168014"), caKeyIdentifier), identity.getExtensionValue("2.5.29.35"));
    }

    @Test
    void certificationRequestIsRebuiltAndItsProofOfPossessionReproduced() throws GeneralSecurityException {
        byte[] request = hex(certificates.get("certification_request"));
        byte[] identityKey = JdkCurve25519.ed25519Public(hex(certificates.get("identity_seed")));
        ByteBuffer outer = Der.contents(ByteBuffer.wrap(request), 0x30);
        byte[] info = Der.element(outer);
        byte[] algorithm = Der.element(outer);
        ByteBuffer signatureBits = Der.contents(outer, 0x03);

        assertEquals(0, signatureBits.get(), "no unused bits");
        byte[] signature = Der.bytes(signatureBits);
        assertEquals(0, outer.remaining());
        assertEquals("300506032b6570", hex(algorithm), "id-Ed25519");
        assertTrue(JdkCurve25519.ed25519Verify(identityKey, info, signature));
        assertEquals(hex(JdkCurve25519.ed25519Sign(hex(certificates.get("identity_seed")), info)), hex(signature));
        // version 0, subject CN=<E.164> as UTF8String, the identity key as SPKI, no attributes
        byte[] expectedInfo = concat(hex("020100"), Der.commonNameOnly(certificates.get("e164")),
                hex("302a300506032b6570032100"), identityKey, hex("a000"));
        assertEquals(hex(expectedInfo), hex(Der.bytes(Der.contents(ByteBuffer.wrap(info), 0x30))));
    }

    /** Just enough DER (X.690) to split a PKCS#10 request into its parts and to write a one-CN name. */
    private static final class Der {

        /** Name ::= SEQUENCE { SET { SEQUENCE { id-at-commonName, UTF8String } } }, short lengths only. */
        static byte[] commonNameOnly(String value) {
            byte[] attribute = concat(hex("0603550403"), tlv(0x0c, value.getBytes(StandardCharsets.UTF_8)));
            return tlv(0x30, tlv(0x31, tlv(0x30, attribute)));
        }

        private static byte[] tlv(int tag, byte[] contents) {
            if (contents.length >= 0x80) {
                throw new IllegalArgumentException("long form not needed here");
            }
            return concat(new byte[] {(byte) tag, (byte) contents.length}, contents);
        }

        static byte[] element(ByteBuffer in) {
            int start = in.position();
            in.get();
            int length = length(in);
            in.position(in.position() + length);
            byte[] out = new byte[in.position() - start];
            in.duplicate().position(start).get(out);
            return out;
        }

        static ByteBuffer contents(ByteBuffer in, int expectedTag) {
            int tag = Byte.toUnsignedInt(in.get());
            if (tag != expectedTag) {
                throw new IllegalArgumentException("tag " + tag + ", expected " + expectedTag);
            }
            int length = length(in);
            ByteBuffer contents = in.slice(in.position(), length);
            in.position(in.position() + length);
            return contents;
        }

        static byte[] bytes(ByteBuffer in) {
            byte[] out = new byte[in.remaining()];
            in.get(out);
            return out;
        }

        private static int length(ByteBuffer in) {
            int first = Byte.toUnsignedInt(in.get());
            if (first < 0x80) {
                return first;
            }
            int length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = (length << 8) | Byte.toUnsignedInt(in.get());
            }
            return length;
        }
    }
}
