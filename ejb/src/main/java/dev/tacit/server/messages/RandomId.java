package dev.tacit.server.messages;

import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.wire.Base64Url;

/** 16 random bytes naming something the API shows (a message, a token's handle): unguessable, and saying nothing. */
abstract class RandomId {

    static final int LENGTH = 16;

    private final byte[] bytes;

    /** @throws IllegalArgumentException if {@code bytes} is not 16 bytes */
    RandomId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an id is " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    static byte[] randomBytes(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((RandomId) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The id in base64url, as the API shows it. */
    @Override
    public String toString() {
        return Base64Url.encode(bytes);
    }
}
