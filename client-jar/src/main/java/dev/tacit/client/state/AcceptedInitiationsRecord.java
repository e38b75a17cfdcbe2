package dev.tacit.client.state;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The session initiations this account accepted under its current signed pre-key (docs/protocol.md §3.8), so that a
 * replayed first contact does not open a second conversation; emptied when the pre-key is rotated.
 * Payload: {@code 0x01 || length (u32) || accepted initiations (0x01 || count (u32) || initiation (37)*)}.
 */
public final class AcceptedInitiationsRecord implements StateRecord {

    private static final int VERSION = 1;
    private static final int MAX_BYTES = 5 + AcceptedInitiations.MAX_ENTRIES * 37;

    private final byte[] encoded;

    private AcceptedInitiationsRecord(byte[] encoded) {
        this.encoded = encoded;
    }

    /** The set's current contents, to store. */
    public static AcceptedInitiationsRecord of(AcceptedInitiations accepted) {
        return new AcceptedInitiationsRecord(accepted.toBytes());
    }

    /** The set as stored, to add to. */
    public AcceptedInitiations accepted() {
        try {
            return AcceptedInitiations.fromBytes(encoded);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("checked when the record was read", e);
        }
    }

    @Override
    public int typeId() {
        return RecordType.ACCEPTED_INITIATIONS.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeLongField(encoded).toByteArray();
    }

    static AcceptedInitiationsRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "accepted initiations record");
        in.expectVersion(VERSION);
        byte[] encoded = in.readLongField(MAX_BYTES);
        in.finish();
        AcceptedInitiations.fromBytes(encoded); // a damaged record is found when the state opens
        return new AcceptedInitiationsRecord(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AcceptedInitiationsRecord that && java.util.Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "AcceptedInitiationsRecord[" + accepted().size() + "]";
    }
}
