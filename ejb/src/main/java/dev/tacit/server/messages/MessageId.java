package dev.tacit.server.messages;

import java.security.SecureRandom;

/** A message's id: 16 random bytes, so ids say nothing about order or volume (docs/protocol.md §4.12). */
public final class MessageId extends RandomId {

    public static final int LENGTH = RandomId.LENGTH;

    private MessageId(byte[] bytes) {
        super(bytes);
    }

    public static MessageId random(SecureRandom random) {
        return new MessageId(randomBytes(random));
    }

    /** @throws IllegalArgumentException if {@code bytes} is not 16 bytes */
    public static MessageId of(byte[] bytes) {
        return new MessageId(bytes);
    }
}
