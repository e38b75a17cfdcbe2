package dev.tacit.crypto.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The redemption_context of a TokenChallenge (RFC 9577 §2.1.1): empty, or 32 bytes that bind a token to one
 * context so it cannot be spent in another. Tacit binds discovery tokens to a time window with
 * {@link #forTimeWindow}; docs/protocol.md §2.1 specifies that derivation.
 */
public final class RedemptionContext {

    /** Length of a non-empty context. */
    public static final int LENGTH = 32;

    private static final byte[] WINDOW_LABEL = "tacit token redemption window v1".getBytes(StandardCharsets.US_ASCII);
    private static final RedemptionContext NONE = new RedemptionContext(new byte[0]);

    private final byte[] value;

    private RedemptionContext(byte[] value) {
        this.value = value;
    }

    /** The empty context: the token is not bound to any context. */
    public static RedemptionContext none() {
        return NONE;
    }

    /** A context of exactly 0 or 32 bytes. */
    public static RedemptionContext of(byte[] value) throws MalformedEncodingException {
        if (value.length == 0) {
            return NONE;
        }
        if (value.length != LENGTH) {
            throw new MalformedEncodingException("a redemption_context is 0 or 32 bytes, not " + value.length);
        }
        return new RedemptionContext(value.clone());
    }

    /**
     * The context of the time window {@code [start, start + length)}: SHA-256 of the ASCII label
     * {@code "tacit token redemption window v1"} followed by start and length in whole seconds since the
     * epoch, each a big-endian uint64. Client and server derive the same value without talking.
     */
    public static RedemptionContext forTimeWindow(Instant start, Duration length) {
        if (start.getNano() != 0 || start.getEpochSecond() < 0) {
            throw new IllegalArgumentException("a window starts at a whole, non-negative epoch second");
        }
        if (length.getNano() != 0 || length.getSeconds() <= 0) {
            throw new IllegalArgumentException("a window lasts a positive whole number of seconds");
        }
        byte[] input = ByteBuffer.allocate(WINDOW_LABEL.length + 16)
                .put(WINDOW_LABEL).putLong(start.getEpochSecond()).putLong(length.getSeconds()).array();
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(input, 0, input.length);
        byte[] digest = new byte[LENGTH];
        sha256.doFinal(digest, 0);
        return new RedemptionContext(digest);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The 0 or 32 bytes of the context. */
    public byte[] encode() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedemptionContext that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "RedemptionContext[none]" : "RedemptionContext[" + Hex.toHexString(value) + "]";
    }
}
