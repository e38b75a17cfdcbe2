package dev.tacit.client.state;

import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * Which contact was handed which member credential of the account's own group (docs/protocol.md §2.2, §3.10): so
 * that blocking a contact revokes exactly their members (§2.2.9). One record per member handed out; a contact who
 * was handed several (a first contact sent twice, say) has several.
 * Payload: {@code 0x01 || member index (u32) || number_len (u8) || number}.
 *
 * @param memberIndex the member's index in the group
 * @param contact     the contact it was handed to
 */
public record MemberHandedOutRecord(int memberIndex, PhoneNumber contact) implements StateRecord {

    private static final int VERSION = 1;

    public MemberHandedOutRecord {
        if (memberIndex < 0 || memberIndex >= GroupManagerKey.MAX_MEMBERS) {
            throw new IllegalArgumentException("a member index is from 0 to " + (GroupManagerKey.MAX_MEMBERS - 1));
        }
        Objects.requireNonNull(contact, "contact");
    }

    @Override
    public int typeId() {
        return RecordType.MEMBER_HANDED_OUT.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeInt(memberIndex).writeShortField(contact.toBytes()).toByteArray();
    }

    static MemberHandedOutRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "member handed-out record");
        in.expectVersion(VERSION);
        int index = (int) in.readUnsignedInt(GroupManagerKey.MAX_MEMBERS - 1);
        PhoneNumber contact = PhoneNumber.fromBytes(in.readShortField(16));
        in.finish();
        return new MemberHandedOutRecord(index, contact);
    }

    @Override
    public String toString() {
        return "MemberHandedOutRecord[" + memberIndex + " to " + contact + "]";
    }
}
