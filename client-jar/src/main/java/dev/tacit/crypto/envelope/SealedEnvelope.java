package dev.tacit.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.AgreementPublicKey;
import dev.tacit.crypto.identity.CertifiedIdentity;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * What the server queues: {@code 0x01 || enc(32) || ciphertext}, an HPKE base-mode seal
 * (X25519/HKDF-SHA256/ChaCha20-Poly1305) under a fresh ephemeral key to the recipient's envelope key, with
 * {@code info = "tacit/v1/sealed-envelope" || 0x00 || recipient_e164} and {@code aad = 0x01}. The plaintext is a
 * padded {@link SignedContent}, so the ciphertext is one of the {@link EnvelopePadding#BUCKETS} plus a 16-byte tag
 * and nothing in the envelope is shared between two envelopes, whoever sent them.
 */
public final class SealedEnvelope {

    public static final int VERSION = 1;
    /** The longest envelope: the version byte, {@code enc}, the largest padding bucket and the tag (§3.6). */
    public static final int MAX_LENGTH = 1 + HpkeSuite.ENC_LENGTH
            + EnvelopePadding.BUCKETS.get(EnvelopePadding.BUCKETS.size() - 1) + HpkeSuite.TAG_LENGTH;
    static final byte[] INFO_LABEL = "tacit/v1/sealed-envelope".getBytes(StandardCharsets.US_ASCII);
    private static final HpkeSuite SUITE = HpkeSuite.X25519_SHA256_CHACHA20POLY1305;

    private final byte[] enc;
    private final byte[] ciphertext;

    private SealedEnvelope(byte[] enc, byte[] ciphertext) {
        this.enc = enc;
        this.ciphertext = ciphertext;
    }

    /**
     * Signs {@code content} for the recipient and seals it to the recipient's verified envelope key.
     *
     * @throws IllegalArgumentException if the content does not fit the largest padding bucket
     */
    public static SealedEnvelope seal(EnvelopeSender sender, VerifiedKeyBundle recipient, byte[] content, Instant timestamp,
                                      SecureRandom random) {
        return seal(sender, recipient.identity().phoneNumber(), recipient.envelopeKey(), content, timestamp,
                AgreementKeyPair.generate(random));
    }

    /** Sealing with a given ephemeral key; only for reproducible examples. */
    static SealedEnvelope seal(EnvelopeSender sender, PhoneNumber recipient, AgreementPublicKey envelopeKey, byte[] content,
                               Instant timestamp, AgreementKeyPair ephemeral) {
        byte[] padded = EnvelopePadding.pad(SignedContent.sign(sender, recipient, timestamp, content).toBytes());
        HpkeSuite.Sealed sealed = SUITE.seal(envelopeKey, info(recipient), aad(), padded, ephemeral);
        return new SealedEnvelope(sealed.enc(), sealed.ciphertext());
    }

    /**
     * Decodes an envelope, accepting only ciphertexts of a bucket length plus the tag.
     *
     * @throws MalformedEncodingException on a wrong version, a truncated or oversized ciphertext, or trailing bytes
     */
    public static SealedEnvelope fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "SealedEnvelope");
        in.expectVersion(VERSION);
        byte[] enc = in.readFixed(HpkeSuite.ENC_LENGTH);
        byte[] ciphertext = in.readRemaining(0);
        if (!EnvelopePadding.BUCKETS.contains(ciphertext.length - HpkeSuite.TAG_LENGTH)) {
            throw new MalformedEncodingException("envelope ciphertext of " + ciphertext.length + " bytes is not a padded size");
        }
        return new SealedEnvelope(enc, ciphertext);
    }

    public byte[] toBytes() {
        return new FieldWriter().writeByte(VERSION).writeFixed(enc).writeFixed(ciphertext).toByteArray();
    }

    /**
     * Opens, unpads and checks the envelope: the sender's certificate must chain to the pinned CA at {@code now},
     * the sender's signature must verify under the certified key, and the signed recipient must be this one.
     *
     * @throws EnvelopeOpeningException if it was not sealed to this recipient's key and number, or was altered
     * @throws MalformedEncodingException if the decrypted content is not well formed
     * @throws dev.tacit.crypto.identity.UntrustedCertificateException if the sender's certificate is not trusted
     * @throws InvalidSenderSignatureException if the signature does not verify under the certified key
     * @throws WrongRecipientException if the sender signed it for someone else
     */
    public OpenedEnvelope open(EnvelopeRecipient recipient, PinnedCaVerifier verifier, Instant now)
            throws VerificationFailedException, MalformedEncodingException {
        byte[] padded = SUITE.open(recipient.envelopeKey(), enc, info(recipient.number()), aad(), ciphertext);
        SignedContent signed = SignedContent.fromBytes(EnvelopePadding.unpad(padded));
        CertifiedIdentity sender = verifier.verify(signed.senderCertificate, now);
        try {
            sender.identityKey().verify(signed.signedData(), signed.signature);
        } catch (VerificationFailedException e) {
            throw new InvalidSenderSignatureException("envelope signature does not verify under the sender's certified key");
        }
        if (!signed.recipient.equals(recipient.number())) {
            throw new WrongRecipientException("envelope was signed for another recipient");
        }
        return new OpenedEnvelope(sender, signed.timestamp, signed.content);
    }

    static byte[] info(PhoneNumber recipient) {
        return new FieldWriter().writeFixed(INFO_LABEL).writeByte(0).writeFixed(recipient.toBytes()).toByteArray();
    }

    private static byte[] aad() {
        return new byte[] {VERSION};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedEnvelope && MessageDigest.isEqual(toBytes(), ((SealedEnvelope) other).toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(enc);
    }

    @Override
    public String toString() {
        return "SealedEnvelope[" + (1 + enc.length + ciphertext.length) + " bytes]";
    }
}
