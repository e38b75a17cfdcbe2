package dev.tacit.client.state;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The discovery window the state's discovery tokens belong to, and whether the server has granted all of that
 * window's allowance (docs/protocol.md §4.10): a client that knows it is spent does not ask again before the next
 * window. Payload: {@code 0x01 || window_start (i64, seconds) || window_length (i64, seconds) || spent (u8, 0 or 1)}.
 *
 * @param window         the window of the discovery tokens held
 * @param allowanceSpent the server granted the whole allowance of {@code window}
 */
public record DiscoveryAllowanceRecord(DiscoveryWindow window, boolean allowanceSpent) implements StateRecord {

    private static final int VERSION = 1;

    public DiscoveryAllowanceRecord {
        Objects.requireNonNull(window, "window");
    }

    @Override
    public int typeId() {
        return RecordType.DISCOVERY_ALLOWANCE.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeLong(window.start().getEpochSecond())
                .writeLong(window.length().getSeconds()).writeByte(allowanceSpent ? 1 : 0).toByteArray();
    }

    static DiscoveryAllowanceRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "discovery allowance record");
        in.expectVersion(VERSION);
        long start = in.readLong();
        long length = in.readLong();
        int spent = in.readUnsignedByte();
        in.finish();
        if (spent > 1) {
            throw new MalformedEncodingException("discovery allowance record: spent is neither 0 nor 1");
        }
        try {
            return new DiscoveryAllowanceRecord(new DiscoveryWindow(Instant.ofEpochSecond(start),
                    Duration.ofSeconds(length)), spent == 1);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedEncodingException("discovery allowance record: not a discovery window");
        }
    }
}
