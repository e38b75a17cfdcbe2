package dev.tacit.client.state;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * How many member credentials of the account's own group (docs/protocol.md §2.2) this client has handed to
 * contacts: the next contact gets member {@code next}, so that no two contacts share a credential and the group
 * manager can tell them apart. Payload: {@code 0x01 || next (u32)}.
 *
 * @param next the index of the next member credential to hand over
 */
public record HandedOutRecord(int next) implements StateRecord {

    private static final int VERSION = 1;

    public HandedOutRecord {
        if (next < 0) {
            throw new IllegalArgumentException("a member index is not negative");
        }
    }

    @Override
    public int typeId() {
        return RecordType.HANDED_OUT.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeInt(next).toByteArray();
    }

    static HandedOutRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "handed-out record");
        in.expectVersion(VERSION);
        long next = in.readUnsignedInt(Integer.MAX_VALUE);
        in.finish();
        return new HandedOutRecord((int) next);
    }
}
