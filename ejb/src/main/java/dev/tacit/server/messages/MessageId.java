package dev.tacit.server.messages;

import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.wire.Base64Url;

/** A message's id: 16 random bytes, so ids say nothing about order or volume (docs/protocol.md §4.12). */
public final class MessageId {

    public static final int LENGTH = 16;

    private final byte[] bytes;

    private MessageId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static MessageId random(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new MessageId(bytes);
    }

    /** @throws IllegalArgumentException if {@code bytes} is not 16 bytes */
    public static MessageId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a message id is " + LENGTH + " bytes");
        }
        return new MessageId(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The id in base64url, as the API shows it; ids are not secret. */
    @Override
    public String toString() {
        return Base64Url.encode(bytes);
    }
}
