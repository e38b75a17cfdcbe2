package dev.tacit.crosscheck;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

import com.google.crypto.tink.hybrid.internal.HpkeContext;
import com.google.crypto.tink.hybrid.internal.HpkeKemPrivateKey;
import com.google.crypto.tink.hybrid.internal.HpkePrimitiveFactory;
import com.google.crypto.tink.hybrid.internal.HpkeUtil;
import com.google.crypto.tink.util.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.envelope.EnvelopeRecipient;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.hex;
import static dev.tacit.crosscheck.Octets.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/protocol.md §3.5's sealed envelope against independent code: Google Tink's HPKE opens the documented envelope,
 * the JDK verifies the sender's certificate and signature inside, an HPKE written from RFC 9180 on the JDK reseals it
 * byte for byte, and Tacit opens an envelope built entirely by that independent sender.
 */
class SealedEnvelopeCrossCheckTest {

    private static final int ENC_LENGTH = 32;

    private static Map<String, String> envelopeExample;
    private static Map<String, String> certificateExample;

    @BeforeAll
    static void readTheDocument() {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        envelopeExample = document.example("e2e-sealed-envelope");
        certificateExample = document.example("e2e-certificates");
    }

    private static byte[] field(String name) {
        return hex(envelopeExample.get(name));
    }

    /** HPKE open with Tink (RFC 9180 base mode; Tink's X25519 and its HKDF), returning the padded plaintext. */
    private static byte[] openWithTink(byte[] envelope, byte[] recipientPrivate, byte[] recipientPublic, byte[] info)
            throws GeneralSecurityException {
        HpkeContext context = HpkeContext.createRecipientContext(slice(envelope, 1, 1 + ENC_LENGTH),
                new HpkeKemPrivateKey(Bytes.copyFrom(recipientPrivate), Bytes.copyFrom(recipientPublic)),
                HpkePrimitiveFactory.createKem(HpkeUtil.X25519_HKDF_SHA256_KEM_ID),
                HpkePrimitiveFactory.createKdf(HpkeUtil.HKDF_SHA256_KDF_ID),
                HpkePrimitiveFactory.createAead(HpkeUtil.CHACHA20_POLY1305_AEAD_ID), info);
        return context.open(slice(envelope, 1 + ENC_LENGTH, envelope.length), SpecEnvelope.AAD);
    }

    @Test
    void keysAndInfoFollowFromTheDocument() throws GeneralSecurityException {
        assertEquals(envelopeExample.get("recipient_envelope_key_public"),
                hex(JdkCurve25519.x25519Public(field("recipient_envelope_key_private"))));
        assertEquals(envelopeExample.get("hpke_info"), hex(SpecEnvelope.info(envelopeExample.get("recipient_e164"))));
    }

    @Test
    void tinkOpensTheDocumentedEnvelopeAndTheJdkVerifiesWhatIsInside() throws GeneralSecurityException {
        byte[] envelope = field("envelope");
        assertEquals(SpecEnvelope.VERSION, envelope[0]);

        byte[] padded = openWithTink(envelope, field("recipient_envelope_key_private"), field("recipient_envelope_key_public"),
                field("hpke_info"));
        byte[] signedContent = SpecEnvelope.unpad(padded);

        assertEquals(Integer.parseInt(envelopeExample.get("padded_length")), padded.length);
        assertEquals(envelopeExample.get("signed_content"), hex(signedContent));
        SpecEnvelope.SignedContent parsed = SpecEnvelope.SignedContent.parse(signedContent);
        assertEquals(certificateExample.get("identity_certificate"), hex(parsed.certificate()));
        assertEquals(envelopeExample.get("recipient_e164"), parsed.recipient());
        assertEquals(Long.parseLong(envelopeExample.get("timestamp_ms")), parsed.timestampMs());
        assertEquals(envelopeExample.get("content"), hex(parsed.content()));
        assertTrue(parsed.signatureValid());
        X509Certificate sender = SpecEnvelope.certificate(parsed.certificate());
        sender.verify(SpecEnvelope.certificate(hex(certificateExample.get("ca_certificate"))).getPublicKey(), "SunEC");
        assertArrayEquals(JdkCurve25519.ed25519Public(field("sender_identity_seed")), JdkCurve25519.ed25519Raw(sender.getPublicKey()));
    }

    @Test
    void tinkRejectsTheEnvelopeUnderAnotherRecipientsInfo() {
        byte[] otherInfo = SpecEnvelope.info("+4915100000003");

        assertThrows(GeneralSecurityException.class, () -> openWithTink(field("envelope"), field("recipient_envelope_key_private"),
                field("recipient_envelope_key_public"), otherInfo));
    }

    @Test
    void independentSenderReproducesTheDocumentedEnvelope() throws GeneralSecurityException {
        byte[] signedContent = SpecEnvelope.signedContent(field("sender_identity_seed"),
                hex(certificateExample.get("identity_certificate")), envelopeExample.get("recipient_e164"),
                Long.parseLong(envelopeExample.get("timestamp_ms")), field("content"));

        assertEquals(envelopeExample.get("signed_content"), hex(signedContent));
        assertEquals(envelopeExample.get("envelope"), hex(SpecEnvelope.seal(field("recipient_envelope_key_public"),
                envelopeExample.get("recipient_e164"), signedContent, field("ephemeral_private"))));
    }

    @Test
    void tacitOpensAnEnvelopeOfTheIndependentSender() throws Exception {
        byte[] ephemeral = new byte[32];
        new SecureRandom().nextBytes(ephemeral);
        byte[] content = "Sealed without Tacit".getBytes(StandardCharsets.UTF_8);
        long timestampMs = Long.parseLong(envelopeExample.get("timestamp_ms"));
        String recipient = envelopeExample.get("recipient_e164");
        byte[] envelope = SpecEnvelope.seal(field("recipient_envelope_key_public"), recipient,
                SpecEnvelope.signedContent(field("sender_identity_seed"), hex(certificateExample.get("identity_certificate")),
                        recipient, timestampMs, content), ephemeral);

        OpenedEnvelope opened = SealedEnvelope.fromBytes(envelope).open(
                new EnvelopeRecipient(PhoneNumber.of(recipient), AgreementKeyPair.fromPrivateBytes(field("recipient_envelope_key_private"))),
                new PinnedCaVerifier(CaCertificate.fromBytes(hex(certificateExample.get("ca_certificate")))),
                Instant.ofEpochMilli(timestampMs));

        assertArrayEquals(content, opened.content());
        assertEquals(Instant.ofEpochMilli(timestampMs), opened.timestamp());
        assertEquals(certificateExample.get("e164"), opened.sender().phoneNumber().e164());
        assertArrayEquals(JdkCurve25519.ed25519Public(field("sender_identity_seed")), opened.sender().identityKey().toBytes());
    }
}
