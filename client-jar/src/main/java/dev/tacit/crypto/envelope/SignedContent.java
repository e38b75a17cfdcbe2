package dev.tacit.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The plaintext inside an envelope, before padding:
 * {@code 0x01 || u16 cert_len || sender_cert || u8 recipient_len || recipient_e164 || i64 timestamp_ms ||
 * u32 content_len || content || signature(64)}, where the sender's Ed25519 signature covers
 * {@code "tacit/v1/envelope-signature" || 0x00 ||} every preceding byte.
 */
final class SignedContent {

    static final int VERSION = 1;
    static final byte[] SIGNATURE_LABEL = "tacit/v1/envelope-signature".getBytes(StandardCharsets.US_ASCII);

    final IdentityCertificate senderCertificate;
    final PhoneNumber recipient;
    final Instant timestamp;
    final byte[] content;
    final byte[] signature;

    private SignedContent(IdentityCertificate senderCertificate, PhoneNumber recipient, Instant timestamp, byte[] content,
                          byte[] signature) {
        this.senderCertificate = senderCertificate;
        this.recipient = recipient;
        this.timestamp = timestamp;
        this.content = content;
        this.signature = signature;
    }

    static SignedContent sign(EnvelopeSender sender, PhoneNumber recipient, Instant timestamp, byte[] content) {
        byte[] signature = sender.identity().sign(signedData(sender.certificate(), recipient, timestamp, content));
        return new SignedContent(sender.certificate(), recipient, timestamp, content.clone(), signature);
    }

    static SignedContent fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "SignedContent");
        in.expectVersion(VERSION);
        IdentityCertificate certificate = IdentityCertificate.fromBytes(in.readMediumField(IdentityCertificate.MAX_LENGTH));
        PhoneNumber recipient = PhoneNumber.fromBytes(in.readShortField(PhoneNumber.MAX_LENGTH));
        Instant timestamp = Instant.ofEpochMilli(in.readLong());
        byte[] content = in.readLongField(EnvelopePadding.MAX_PLAINTEXT);
        byte[] signature = in.readFixed(IdentityPublicKey.SIGNATURE_LENGTH);
        in.finish();
        return new SignedContent(certificate, recipient, timestamp, content, signature);
    }

    byte[] toBytes() {
        return new FieldWriter().writeFixed(unsignedPart(senderCertificate, recipient, timestamp, content))
                .writeFixed(signature).toByteArray();
    }

    byte[] signedData() {
        return signedData(senderCertificate, recipient, timestamp, content);
    }

    private static byte[] signedData(IdentityCertificate certificate, PhoneNumber recipient, Instant timestamp, byte[] content) {
        return new FieldWriter().writeFixed(SIGNATURE_LABEL).writeByte(0)
                .writeFixed(unsignedPart(certificate, recipient, timestamp, content)).toByteArray();
    }

    private static byte[] unsignedPart(IdentityCertificate certificate, PhoneNumber recipient, Instant timestamp, byte[] content) {
        return new FieldWriter().writeByte(VERSION).writeMediumField(certificate.toBytes()).writeShortField(recipient.toBytes())
                .writeLong(timestamp.toEpochMilli()).writeLongField(content).toByteArray();
    }
}
