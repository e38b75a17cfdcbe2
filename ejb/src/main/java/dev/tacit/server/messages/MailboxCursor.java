package dev.tacit.server.messages;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;

/**
 * A position in a mailbox's order, (received_at, id): the page after it starts with the next message. Opaque to
 * clients (docs/protocol.md §4.13): base64url of {@code 0x01 || received_at as microseconds since the epoch (i64)
 * || id (16)}, PostgreSQL's timestamp precision.
 */
public record MailboxCursor(Instant receivedAt, MessageId id) {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + Long.BYTES + MessageId.LENGTH;

    public MailboxCursor {
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt);
        return Base64Url.encode(ByteBuffer.allocate(LENGTH).put(VERSION).putLong(micros).put(id.bytes()).array());
    }

    /** @throws MalformedEncodingException if {@code text} is not a cursor this server wrote */
    public static MailboxCursor decode(String text) throws MalformedEncodingException {
        byte[] bytes = Base64Url.decode(text);
        if (bytes.length != LENGTH || bytes[0] != VERSION) {
            throw new MalformedEncodingException("not a mailbox cursor");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        Instant receivedAt = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
        return new MailboxCursor(receivedAt, MessageId.of(Arrays.copyOfRange(bytes, 1 + Long.BYTES, LENGTH)));
    }
}
