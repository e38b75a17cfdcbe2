package dev.tacit.crypto.group;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * What the group signature of a reply signs (docs/protocol.md §2.2.4): the recipient's number, the digest of
 * the sealed envelope and the time, so that a signature cannot be moved to another envelope, another
 * recipient or another time.
 *
 * <p>Encoding: {@code I2OSP(len(recipient), 2) || recipient || envelope_digest (32) || I2OSP(timestamp, 8)},
 * where {@code recipient} is the E.164 number in ASCII ({@link PhoneNumber#toBytes()}, the bytes of
 * {@code recipient_e164} in §3.4 and §3.5) and {@code envelope_digest} is SHA-256 over the whole sealed
 * envelope as sent ({@link SealedEnvelope#toBytes()}, version byte included).
 */
public final class GroupSignedMessage {

    /** Length of the envelope digest (SHA-256). */
    public static final int ENVELOPE_DIGEST_BYTES = 32;

    private final PhoneNumber recipient;
    private final byte[] envelopeDigest;
    private final long timestampSeconds;

    private GroupSignedMessage(PhoneNumber recipient, byte[] envelopeDigest, long timestampSeconds) {
        this.recipient = recipient;
        this.envelopeDigest = envelopeDigest;
        this.timestampSeconds = timestampSeconds;
    }

    /**
     * The message a reply's group signature covers.
     *
     * @param recipient the number the envelope is addressed to
     * @param envelope  the sealed envelope of the reply, exactly as it is sent
     * @param timestamp when the reply was sent; only whole seconds since the epoch are signed, so any fraction
     *                  is dropped
     * @throws IllegalArgumentException if the timestamp is before 1970
     */
    public static GroupSignedMessage of(PhoneNumber recipient, SealedEnvelope envelope, Instant timestamp) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp before 1970 cannot be signed");
        }
        return new GroupSignedMessage(recipient, sha256(envelope.toBytes()), timestamp.getEpochSecond());
    }

    /** What precedes the group public key in the digest of a catch-up request (docs/protocol.md §4.30). */
    private static final byte[] GROUP_KEY_UPDATES_LABEL =
            "TACIT-V1-GROUP-KEY-UPDATES".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The message a contact's request for group key updates (docs/protocol.md §4.30) is signed over: §2.2.4's
     * encoding with {@code envelope_digest = SHA-256("TACIT-V1-GROUP-KEY-UPDATES" || groupPublicKey)}, so that it
     * cannot be taken for a reply's (an envelope begins with its version byte, 0x01) nor moved to another key,
     * recipient or time.
     *
     * @param groupPublicKey the encoding of the group key the signing credential is for
     * @throws IllegalArgumentException if the timestamp is before 1970
     */
    public static GroupSignedMessage ofGroupKeyUpdatesRequest(PhoneNumber recipient, byte[] groupPublicKey,
                                                              Instant timestamp) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(groupPublicKey, "groupPublicKey");
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp before 1970 cannot be signed");
        }
        byte[] labelled = new byte[GROUP_KEY_UPDATES_LABEL.length + groupPublicKey.length];
        System.arraycopy(GROUP_KEY_UPDATES_LABEL, 0, labelled, 0, GROUP_KEY_UPDATES_LABEL.length);
        System.arraycopy(groupPublicKey, 0, labelled, GROUP_KEY_UPDATES_LABEL.length, groupPublicKey.length);
        return new GroupSignedMessage(recipient, sha256(labelled), timestamp.getEpochSecond());
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public PhoneNumber recipient() {
        return recipient;
    }

    /** SHA-256 of the sealed envelope's bytes. */
    public byte[] envelopeDigest() {
        return envelopeDigest.clone();
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(timestampSeconds);
    }

    /** The canonical encoding that enters the Fiat–Shamir challenge. */
    public byte[] encode() {
        byte[] number = recipient.toBytes();
        ByteBuffer out = ByteBuffer.allocate(2 + number.length + ENVELOPE_DIGEST_BYTES + Long.BYTES);
        out.putShort((short) number.length).put(number).put(envelopeDigest).putLong(timestampSeconds);
        return out.array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupSignedMessage
                && Arrays.equals(encode(), ((GroupSignedMessage) other).encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    /** Shows the digest and time only: no phone number in any log line. */
    @Override
    public String toString() {
        return "GroupSignedMessage[envelopeDigest=" + HexFormat.of().formatHex(envelopeDigest) + ", timestamp="
                + timestamp() + "]";
    }
}
