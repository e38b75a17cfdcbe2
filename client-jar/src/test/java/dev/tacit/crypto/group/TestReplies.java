package dev.tacit.crypto.group;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * Signed messages for tests: a number, an envelope of the smallest padded size (version, 32-byte enc, 512 + 16
 * bytes of ciphertext; the server cannot tell such bytes from a real envelope) and a time.
 */
public final class TestReplies {

    /** A sealed envelope of the 512-byte bucket: 1 + 32 + 512 + 16 bytes. */
    public static final int ENVELOPE_BYTES = 1 + 32 + 512 + 16;

    private TestReplies() {
    }

    /** An envelope whose bytes after the version are all {@code fill}. */
    public static SealedEnvelope envelope(int fill) {
        byte[] bytes = new byte[ENVELOPE_BYTES];
        Arrays.fill(bytes, (byte) fill);
        return envelope(bytes);
    }

    /** An envelope of random bytes. */
    public static SealedEnvelope randomEnvelope(Random random) {
        byte[] bytes = new byte[ENVELOPE_BYTES];
        random.nextBytes(bytes);
        return envelope(bytes);
    }

    /** Sets the version byte and decodes; the rest is kept. */
    public static SealedEnvelope envelope(byte[] bytes) {
        bytes[0] = SealedEnvelope.VERSION;
        try {
            return SealedEnvelope.fromBytes(bytes);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException("not an envelope of a padded size", e);
        }
    }

    public static PhoneNumber number(String e164) {
        try {
            return PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static GroupSignedMessage message(String e164, int envelopeFill, long epochSecond) {
        return GroupSignedMessage.of(number(e164), envelope(envelopeFill), Instant.ofEpochSecond(epochSecond));
    }
}
