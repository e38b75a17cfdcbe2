package dev.tacit.client.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A contact this account blocked (docs/protocol.md §2.2.9, §4.29), with the members of its group revoked for them;
 * first contacts from the number are dropped unread. The revocations themselves are in the group manager key (record
 * 2), which gives their updates again until the server has them.
 * Payload: {@code 0x01 || number_len (u8) || number || count (u16) || member index (u32)*}.
 *
 * @param contact the blocked number
 * @param revoked the members revoked for them, in the order revoked
 */
public record BlockedContactRecord(PhoneNumber contact, List<Integer> revoked) implements StateRecord {

    private static final int VERSION = 1;

    public BlockedContactRecord {
        Objects.requireNonNull(contact, "contact");
        revoked = List.copyOf(revoked);
        if (revoked.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many members for one record");
        }
    }

    @Override
    public int typeId() {
        return RecordType.BLOCKED_CONTACT.id();
    }

    @Override
    public byte[] encode() {
        FieldWriter out = new FieldWriter().writeByte(VERSION).writeShortField(contact.toBytes()).writeShort(revoked.size());
        revoked.forEach(out::writeInt);
        return out.toByteArray();
    }

    static BlockedContactRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "blocked contact record");
        in.expectVersion(VERSION);
        PhoneNumber contact = PhoneNumber.fromBytes(in.readShortField(16));
        int count = in.readUnsignedShort();
        List<Integer> revoked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            revoked.add((int) in.readUnsignedInt(GroupManagerKey.MAX_MEMBERS - 1));
        }
        in.finish();
        return new BlockedContactRecord(contact, revoked);
    }

    @Override
    public String toString() {
        return "BlockedContactRecord[" + contact + ", " + revoked.size() + " members revoked]";
    }
}
