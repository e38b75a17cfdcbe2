package dev.tacit.client.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The server this state belongs to: where the client reaches it, and its installation ({@code instanceId} of
 * {@code GET /v1/server}, docs/protocol.md §4.2), which must not change under the account.
 * Payload: {@code 0x01 || uri_len (u16) || uri (UTF-8) || instance_id (16)}.
 *
 * @param uri        the server's root as the client reaches it
 * @param instanceId the installation the account is registered with
 */
public record ServerRecord(URI uri, UUID instanceId) implements StateRecord {

    private static final int VERSION = 1;

    public ServerRecord {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    @Override
    public int typeId() {
        return RecordType.SERVER.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION)
                .writeMediumField(uri.toString().getBytes(StandardCharsets.UTF_8))
                .writeLong(instanceId.getMostSignificantBits()).writeLong(instanceId.getLeastSignificantBits())
                .toByteArray();
    }

    static ServerRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "server record");
        in.expectVersion(VERSION);
        String uri = new String(in.readMediumField(4096), StandardCharsets.UTF_8);
        ByteBuffer id = ByteBuffer.wrap(in.readFixed(16));
        in.finish();
        try {
            return new ServerRecord(new URI(uri), new UUID(id.getLong(), id.getLong()));
        } catch (URISyntaxException e) {
            throw new MalformedEncodingException("server record: not a URI");
        }
    }
}
