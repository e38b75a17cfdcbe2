package dev.tacit.crypto.group;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a group signature signs: everything the server checks about a reply, so that a signature cannot be
 * moved to another envelope, another recipient or another time.
 *
 * <p>Canonical encoding (docs/protocol.md §2.2): {@code I2OSP(len(recipient), 2) || recipient (UTF-8) ||
 * envelope digest (32) || I2OSP(timestamp, 8)}; the length prefix makes it unambiguous.
 */
public final class GroupSignedMessage {

    /** Length of the envelope digest (SHA-256 of the envelope as the server receives it). */
    public static final int ENVELOPE_DIGEST_BYTES = 32;
    private static final int MAX_RECIPIENT_BYTES = 0xffff;

    private final String recipient;
    private final byte[] recipientUtf8;
    private final byte[] envelopeDigest;
    private final long timestampSeconds;

    private GroupSignedMessage(String recipient, byte[] recipientUtf8, byte[] envelopeDigest, long timestampSeconds) {
        this.recipient = recipient;
        this.recipientUtf8 = recipientUtf8;
        this.envelopeDigest = envelopeDigest;
        this.timestampSeconds = timestampSeconds;
    }

    /**
     * @param recipient      the recipient's identifier as the server knows it; non-empty, valid Unicode, at
     *                       most 65535 bytes in UTF-8
     * @param envelopeDigest the 32-byte digest of the envelope
     * @param timestamp      when the message was sent; only whole seconds since the epoch are signed, so any
     *                       fraction is dropped
     * @throws IllegalArgumentException if a field is out of range
     */
    public static GroupSignedMessage of(String recipient, byte[] envelopeDigest, Instant timestamp) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(envelopeDigest, "envelopeDigest");
        Objects.requireNonNull(timestamp, "timestamp");
        if (envelopeDigest.length != ENVELOPE_DIGEST_BYTES) {
            throw new IllegalArgumentException("envelope digest must be " + ENVELOPE_DIGEST_BYTES + " bytes");
        }
        if (timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp before 1970 cannot be signed");
        }
        byte[] utf8 = strictUtf8(recipient);
        if (utf8.length == 0 || utf8.length > MAX_RECIPIENT_BYTES) {
            throw new IllegalArgumentException("recipient must be 1.." + MAX_RECIPIENT_BYTES + " bytes of UTF-8");
        }
        return new GroupSignedMessage(recipient, utf8, envelopeDigest.clone(), timestamp.getEpochSecond());
    }

    // A String with an unpaired surrogate would otherwise be silently encoded as '?', so two different
    // recipients could share an encoding.
    private static byte[] strictUtf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("recipient is not valid Unicode", e);
        }
    }

    public String recipient() {
        return recipient;
    }

    public byte[] envelopeDigest() {
        return envelopeDigest.clone();
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(timestampSeconds);
    }

    /** The canonical encoding that enters the Fiat–Shamir challenge. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(2 + recipientUtf8.length + ENVELOPE_DIGEST_BYTES + Long.BYTES);
        out.putShort((short) recipientUtf8.length).put(recipientUtf8).put(envelopeDigest).putLong(timestampSeconds);
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

    @Override
    public String toString() {
        return "GroupSignedMessage[recipient=" + recipient + ", envelopeDigest="
                + HexFormat.of().formatHex(envelopeDigest) + ", timestamp=" + timestamp() + "]";
    }
}
