package dev.tacit.server.messages;

import java.security.SecureRandom;

/**
 * The recipient's name for the token that paid for a first contact (docs/protocol.md §4.13): 16 random bytes,
 * unrelated to the token. The recipient releases or reports the token by it and never learns the token itself,
 * which only its holder may exchange once released.
 */
public final class TokenHandle extends RandomId {

    public static final int LENGTH = RandomId.LENGTH;

    private TokenHandle(byte[] bytes) {
        super(bytes);
    }

    public static TokenHandle random(SecureRandom random) {
        return new TokenHandle(randomBytes(random));
    }

    /** @throws IllegalArgumentException if {@code bytes} is not 16 bytes */
    public static TokenHandle of(byte[] bytes) {
        return new TokenHandle(bytes);
    }
}
