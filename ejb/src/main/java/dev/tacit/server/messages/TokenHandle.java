package dev.tacit.server.messages;

import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.wire.Base64Url;

/**
 * The recipient's name for the token that paid for a first contact (docs/protocol.md §4.13): 16 random bytes,
 * unrelated to the token. The recipient releases or reports the token by it and never learns the token itself,
 * which only its holder may exchange once released.
 */
public final class TokenHandle {

    public static final int LENGTH = 16;

    private final byte[] bytes;

    private TokenHandle(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenHandle random(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new TokenHandle(bytes);
    }

    /** @throws IllegalArgumentException if {@code bytes} is not 16 bytes */
    public static TokenHandle of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a token handle is " + LENGTH + " bytes");
        }
        return new TokenHandle(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHandle that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Base64Url.encode(bytes);
    }
}
