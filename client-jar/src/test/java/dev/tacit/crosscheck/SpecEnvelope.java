package dev.tacit.crosscheck;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Signed content (§3.4), padding (§3.6) and the sealed envelope's HPKE parameters (§3.5), written from
 * docs/protocol.md on the JDK and {@link Hpke}.
 */
final class SpecEnvelope {

    static final byte VERSION = 0x01;
    static final byte[] AAD = {0x01};
    private static final int[] BUCKETS = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536};
    private static final byte[] SIGNATURE_LABEL = Octets.concat(Octets.ascii("tacit/v1/envelope-signature"), new byte[1]);
    private static final int SIGNATURE_LENGTH = 64;

    private SpecEnvelope() {
    }

    /** info = "tacit/v1/sealed-envelope" || 0x00 || recipient_e164. */
    static byte[] info(String recipientE164) {
        return Octets.concat(Octets.ascii("tacit/v1/sealed-envelope"), new byte[1], Octets.ascii(recipientE164));
    }

    static byte[] signedContent(byte[] senderSeed, byte[] senderCertificate, String recipientE164, long timestampMs,
                                byte[] content) throws GeneralSecurityException {
        byte[] signed = Octets.concat(new byte[] {VERSION}, Octets.i2osp(senderCertificate.length, 2), senderCertificate,
                Octets.i2osp(recipientE164.length(), 1), Octets.ascii(recipientE164), Octets.i2osp(timestampMs, 8),
                Octets.i2osp(content.length, 4), content);
        return Octets.concat(signed, JdkCurve25519.ed25519Sign(senderSeed, Octets.concat(SIGNATURE_LABEL, signed)));
    }

    /** ISO/IEC 7816-4 padding to the smallest bucket strictly larger than the input. */
    static byte[] pad(byte[] signedContent) {
        int bucket = Arrays.stream(BUCKETS).filter(b -> b > signedContent.length).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("too long to pad"));
        byte[] padded = Arrays.copyOf(signedContent, bucket);
        padded[signedContent.length] = (byte) 0x80;
        return padded;
    }

    static byte[] unpad(byte[] padded) {
        if (Arrays.stream(BUCKETS).noneMatch(b -> b == padded.length)) {
            throw new IllegalArgumentException("not a bucket length");
        }
        int end = padded.length - 1;
        while (padded[end] == 0) {
            end--;
        }
        if (padded[end] != (byte) 0x80) {
            throw new IllegalArgumentException("padding does not end in 0x80 0x00*");
        }
        return Arrays.copyOf(padded, end);
    }

    /** The envelope: 0x01 || enc || ciphertext of the padded signed content. */
    static byte[] seal(byte[] recipientPublic, String recipientE164, byte[] signedContent, byte[] ephemeralPrivate)
            throws GeneralSecurityException {
        return Octets.concat(new byte[] {VERSION},
                Hpke.sealBase(recipientPublic, info(recipientE164), AAD, pad(signedContent), ephemeralPrivate));
    }

    /** The fields of a signed content, read strictly. */
    record SignedContent(byte[] certificate, String recipient, long timestampMs, byte[] content, byte[] signedPart,
                         byte[] signature) {

        static SignedContent parse(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown signed-content version");
            }
            byte[] certificate = take(in, Short.toUnsignedInt(in.getShort()));
            String recipient = new String(take(in, Byte.toUnsignedInt(in.get())), StandardCharsets.US_ASCII);
            long timestamp = in.getLong();
            byte[] content = take(in, in.getInt());
            byte[] signedPart = Arrays.copyOf(bytes, in.position());
            byte[] signature = take(in, SIGNATURE_LENGTH);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new SignedContent(certificate, recipient, timestamp, content, signedPart, signature);
        }

        /** Verifies the sender's signature under the key of the certificate, as the JDK parses it. */
        boolean signatureValid() throws GeneralSecurityException {
            return JdkCurve25519.ed25519Verify(SpecEnvelope.certificate(certificate).getPublicKey(), Octets.concat(SIGNATURE_LABEL, signedPart),
                    signature);
        }

        private static byte[] take(ByteBuffer in, int length) {
            byte[] out = new byte[length];
            in.get(out);
            return out;
        }
    }

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", "SUN").generateCertificate(new ByteArrayInputStream(der));
    }
}
