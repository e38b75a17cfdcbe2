package dev.tacit.client.state;

import java.util.Objects;
import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A contact: their number, the identity key their certificate carried when this client first verified it, their
 * key bundle as last looked up (verified again against the pinned CA whenever it is used), and the member
 * credential of their group they handed over (docs/protocol.md §2.2, §3.7), with which this client replies to them
 * anonymously — absent until they hand one over.
 * Payload: {@code 0x02 || number_len (u8) || number || identity_key (32) || bundle_len (u16) || key bundle (§3.3,
 * empty if none) || has_credential (u8) || (credential_len (u16) || credential)?}: a credential is 322 or 466 bytes
 * (§2.2.3; 466 once the contact's group has revoked members). Version 0x01, written before, has a 322-byte
 * credential without a length; it is read, and written again as version 0x02.
 *
 * @param number      the contact's number
 * @param identityKey their identity key
 * @param bundle      their key bundle, if this client has looked them up
 * @param credential  the member credential of their group they gave this account, if any
 */
public record ContactRecord(PhoneNumber number, IdentityPublicKey identityKey, Optional<KeyBundle> bundle,
                            Optional<MemberCredential> credential) implements StateRecord {

    private static final int VERSION = 2;
    /** The first version: a credential of exactly 322 bytes, without a length. */
    private static final int FIXED_CREDENTIAL_VERSION = 1;
    private static final int FIXED_CREDENTIAL_BYTES = MemberCredential.ENCODED_BYTES_V1;
    private static final int MAX_BUNDLE_BYTES = 8192;
    private static final int MAX_CREDENTIAL_BYTES = MemberCredential.MAX_ENCODED_BYTES;

    public ContactRecord {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(credential, "credential");
    }

    /** This contact with the credential they handed over. */
    public ContactRecord withCredential(MemberCredential handedOver) {
        return new ContactRecord(number, identityKey, bundle, Optional.of(handedOver));
    }

    /** This contact without a credential: theirs no longer works (they blocked this account). */
    public ContactRecord withoutCredential() {
        return new ContactRecord(number, identityKey, bundle, Optional.empty());
    }

    /** This contact with the bundle a look-up returned. */
    public ContactRecord withBundle(KeyBundle lookedUp) {
        return new ContactRecord(number, identityKey, Optional.of(lookedUp), credential);
    }

    @Override
    public int typeId() {
        return RecordType.CONTACT.id();
    }

    @Override
    public byte[] encode() {
        FieldWriter out = new FieldWriter().writeByte(VERSION).writeShortField(number.toBytes())
                .writeFixed(identityKey.toBytes())
                .writeMediumField(bundle.map(KeyBundle::toBytes).orElse(new byte[0]))
                .writeByte(credential.isPresent() ? 1 : 0);
        credential.ifPresent(c -> out.writeMediumField(SecretKeys.memberCredential(c)));
        return out.toByteArray();
    }

    static ContactRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "contact record");
        int version = in.readUnsignedByte();
        if (version != VERSION && version != FIXED_CREDENTIAL_VERSION) {
            throw new MalformedEncodingException("contact record: unknown version " + version);
        }
        PhoneNumber number = PhoneNumber.fromBytes(in.readShortField(16));
        IdentityPublicKey identityKey = IdentityPublicKey.fromBytes(in.readFixed(IdentityPublicKey.LENGTH));
        byte[] bundleBytes = in.readMediumField(MAX_BUNDLE_BYTES);
        Optional<KeyBundle> bundle = bundleBytes.length == 0 ? Optional.empty()
                : Optional.of(KeyBundle.fromBytes(bundleBytes));
        int hasCredential = in.readUnsignedByte();
        if (hasCredential > 1) {
            throw new MalformedEncodingException("contact record: credential flag " + hasCredential);
        }
        Optional<MemberCredential> credential = hasCredential == 1
                ? Optional.of(MemberCredential.fromBytes(version == FIXED_CREDENTIAL_VERSION
                        ? in.readFixed(FIXED_CREDENTIAL_BYTES) : in.readMediumField(MAX_CREDENTIAL_BYTES)))
                : Optional.empty();
        in.finish();
        return new ContactRecord(number, identityKey, bundle, credential);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactRecord that && number.equals(that.number) && identityKey.equals(that.identityKey)
                && java.util.Arrays.equals(bundle.map(KeyBundle::toBytes).orElse(null),
                        that.bundle.map(KeyBundle::toBytes).orElse(null))
                && credential.equals(that.credential);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, identityKey, credential);
    }

    @Override
    public String toString() {
        return "ContactRecord[" + number + (bundle.isPresent() ? ", with key bundle" : "")
                + (credential.isPresent() ? ", with credential" : "") + "]";
    }
}
