package dev.tacit.client.state;

import java.time.Instant;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * When to redeem the reputation stamps held (docs/protocol.md §4.24, §4.25): a random time drawn once enough stamps
 * are held, so that the signed redemption does not follow the anonymous refreshes that earned them at once.
 * The stamps themselves are tokens of purpose 3 ({@link TokenRecord}). Payload: {@code 0x01 || redeem_at (i64,
 * seconds)}.
 *
 * @param redeemAt when the redemption is due
 */
public record PlannedRedemptionRecord(Instant redeemAt) implements StateRecord {

    private static final int VERSION = 1;

    public PlannedRedemptionRecord {
        Objects.requireNonNull(redeemAt, "redeemAt");
        redeemAt = Instant.ofEpochSecond(redeemAt.getEpochSecond());
    }

    @Override
    public int typeId() {
        return RecordType.PLANNED_REDEMPTION.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeLong(redeemAt.getEpochSecond()).toByteArray();
    }

    static PlannedRedemptionRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "planned redemption record");
        in.expectVersion(VERSION);
        long at = in.readLong();
        in.finish();
        try {
            return new PlannedRedemptionRecord(Instant.ofEpochSecond(at));
        } catch (java.time.DateTimeException e) {
            throw new MalformedEncodingException("planned redemption record: the time is out of range", e);
        }
    }
}
