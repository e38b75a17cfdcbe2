package dev.tacit.client.state;

import java.util.Objects;
import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A contact: their number, the identity key their certificate carried when this client first verified it, and
 * the member credential of their group they handed over (docs/protocol.md §2.2, §3.7), with which this client
 * replies to them anonymously — absent until they hand one over.
 * Payload: {@code 0x01 || number_len (u8) || number || identity_key (32) || has_credential (u8) || credential (322)?}.
 *
 * @param number      the contact's number
 * @param identityKey their identity key
 * @param credential  the member credential of their group they gave this account, if any
 */
public record ContactRecord(PhoneNumber number, IdentityPublicKey identityKey, Optional<MemberCredential> credential)
        implements StateRecord {

    private static final int VERSION = 1;

    public ContactRecord {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(credential, "credential");
    }

    @Override
    public int typeId() {
        return RecordType.CONTACT.id();
    }

    @Override
    public byte[] encode() {
        FieldWriter out = new FieldWriter().writeByte(VERSION).writeShortField(number.toBytes())
                .writeFixed(identityKey.toBytes()).writeByte(credential.isPresent() ? 1 : 0);
        credential.ifPresent(c -> out.writeFixed(SecretKeys.memberCredential(c)));
        return out.toByteArray();
    }

    static ContactRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "contact record");
        in.expectVersion(VERSION);
        PhoneNumber number = PhoneNumber.fromBytes(in.readShortField(16));
        IdentityPublicKey identityKey = IdentityPublicKey.fromBytes(in.readFixed(IdentityPublicKey.LENGTH));
        int hasCredential = in.readUnsignedByte();
        if (hasCredential > 1) {
            throw new MalformedEncodingException("contact record: credential flag " + hasCredential);
        }
        Optional<MemberCredential> credential = hasCredential == 1
                ? Optional.of(MemberCredential.fromBytes(in.readFixed(MemberCredential.ENCODED_BYTES)))
                : Optional.empty();
        in.finish();
        return new ContactRecord(number, identityKey, credential);
    }

    @Override
    public String toString() {
        return "ContactRecord[" + number + (credential.isPresent() ? ", with credential" : "") + "]";
    }
}
