package dev.tacit.client.state;

import java.util.Objects;

import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The registered account: its number, identity key and certificate, envelope key, ratchet pre-key and the
 * manager key of its BBS group (docs/protocol.md §3.1). The only record of private keys besides the ratchet
 * sessions. The signed forms of the public keys are not stored: Ed25519 is deterministic, so signing again
 * gives the very bytes that were published.
 *
 * <p>Payload: {@code 0x01 || number_len (u8) || number || identity_seed (32) || certificate_len (u16) ||
 * certificate || envelope_key_id (u32) || envelope_private (32) || pre_key_id (u32) || pre_key_private (32) ||
 * group_len (u16) || group manager key (§2.2)}.
 */
public final class AccountRecord implements StateRecord {

    private static final int VERSION = 1;

    private final PhoneNumber number;
    private final IdentityKeyPair identity;
    private final IdentityCertificate certificate;
    private final long envelopeKeyId;
    private final AgreementKeyPair envelopeKey;
    private final long preKeyId;
    private final AgreementKeyPair preKey;
    private final GroupManagerKey group;

    private AccountRecord(PhoneNumber number, IdentityKeyPair identity, IdentityCertificate certificate,
                          long envelopeKeyId, AgreementKeyPair envelopeKey, long preKeyId, AgreementKeyPair preKey,
                          GroupManagerKey group) {
        this.number = Objects.requireNonNull(number);
        this.identity = Objects.requireNonNull(identity);
        this.certificate = Objects.requireNonNull(certificate);
        this.envelopeKeyId = envelopeKeyId;
        this.envelopeKey = Objects.requireNonNull(envelopeKey);
        this.preKeyId = preKeyId;
        this.preKey = Objects.requireNonNull(preKey);
        this.group = Objects.requireNonNull(group);
    }

    /** The account a registration (or re-registration) produced, with the keys it was registered with. */
    public static AccountRecord of(RegisteredAccount account) {
        AccountSetup keys = account.keys();
        return of(keys.number(), keys.identity(), account.identity().certificate(), keys.signedEnvelopeKey().keyId(),
                keys.envelopeKey(), keys.signedPreKey().keyId(), keys.preKey(), keys.group());
    }

    /**
     * An account from its parts.
     *
     * @throws IllegalArgumentException if the certificate is not for the identity key
     */
    public static AccountRecord of(PhoneNumber number, IdentityKeyPair identity, IdentityCertificate certificate,
                                   long envelopeKeyId, AgreementKeyPair envelopeKey, long preKeyId,
                                   AgreementKeyPair preKey, GroupManagerKey group) {
        if (!certificate.hasSubjectKey(identity.publicKey())) {
            throw new IllegalArgumentException("the certificate is not for the identity key");
        }
        return new AccountRecord(number, identity, certificate, envelopeKeyId, envelopeKey, preKeyId, preKey, group);
    }

    public PhoneNumber number() {
        return number;
    }

    public IdentityKeyPair identity() {
        return identity;
    }

    public IdentityCertificate certificate() {
        return certificate;
    }

    public AgreementKeyPair envelopeKey() {
        return envelopeKey;
    }

    /** The envelope key signed for publication, as registered (§3.3). */
    public SignedPreKey signedEnvelopeKey() {
        return SignedPreKey.sign(identity, KeyPurpose.ENVELOPE_KEY, envelopeKeyId, envelopeKey.publicKey());
    }

    public AgreementKeyPair preKey() {
        return preKey;
    }

    /** The ratchet pre-key signed for publication, as registered (§3.3). */
    public SignedPreKey signedPreKey() {
        return SignedPreKey.sign(identity, KeyPurpose.RATCHET_PRE_KEY, preKeyId, preKey.publicKey());
    }

    /** The manager key of the account's BBS group, which mints the credentials handed to contacts (§2.2). */
    public GroupManagerKey group() {
        return group;
    }

    /** The id of the current ratchet pre-key. */
    public long preKeyId() {
        return preKeyId;
    }

    /** This account with a new ratchet pre-key (§4.9), the other keys unchanged. */
    public AccountRecord withPreKey(long newPreKeyId, AgreementKeyPair newPreKey) {
        return new AccountRecord(number, identity, certificate, envelopeKeyId, envelopeKey, newPreKeyId, newPreKey, group);
    }

    /** This account with its group grown (the group public key and the members minted so far unchanged). */
    public AccountRecord withGroup(GroupManagerKey grown) {
        if (!grown.groupPublicKey().equals(group.groupPublicKey())) {
            throw new IllegalArgumentException("another group");
        }
        return new AccountRecord(number, identity, certificate, envelopeKeyId, envelopeKey, preKeyId, preKey, grown);
    }

    /**
     * This account with members of its group revoked ({@link GroupManagerKey#revoke}): the same group (seed and
     * members) at a later point of its chain of keys.
     */
    public AccountRecord withRevocations(GroupManagerKey revoked) {
        if (revoked.epoch() < group.epoch()
                || !revoked.revokedMembers().subList(0, group.epoch()).equals(group.revokedMembers())) {
            throw new IllegalArgumentException("not this group with more members revoked");
        }
        return new AccountRecord(number, identity, certificate, envelopeKeyId, envelopeKey, preKeyId, preKey, revoked);
    }

    /** The keys as the messaging layer takes them (§3). */
    public LocalAccount localAccount() throws MalformedEncodingException {
        return LocalAccount.of(number, identity, certificate, envelopeKey, preKeyId, preKey);
    }

    @Override
    public int typeId() {
        return RecordType.ACCOUNT.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION)
                .writeShortField(number.toBytes())
                .writeFixed(SecretKeys.identitySeed(identity))
                .writeMediumField(certificate.toBytes())
                .writeInt(envelopeKeyId)
                .writeFixed(SecretKeys.agreementPrivate(envelopeKey))
                .writeInt(preKeyId)
                .writeFixed(SecretKeys.agreementPrivate(preKey))
                .writeMediumField(SecretKeys.groupManager(group))
                .toByteArray();
    }

    static AccountRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "account record");
        in.expectVersion(VERSION);
        PhoneNumber number = PhoneNumber.fromBytes(in.readShortField(16));
        IdentityKeyPair identity = IdentityKeyPair.fromSeed(in.readFixed(IdentityKeyPair.SEED_LENGTH));
        IdentityCertificate certificate = IdentityCertificate.fromBytes(in.readMediumField(IdentityCertificate.MAX_LENGTH));
        long envelopeKeyId = in.readUnsignedInt(0xFFFF_FFFFL);
        AgreementKeyPair envelopeKey = AgreementKeyPair.fromPrivateBytes(in.readFixed(AgreementKeyPair.PRIVATE_LENGTH));
        long preKeyId = in.readUnsignedInt(0xFFFF_FFFFL);
        AgreementKeyPair preKey = AgreementKeyPair.fromPrivateBytes(in.readFixed(AgreementKeyPair.PRIVATE_LENGTH));
        GroupManagerKey group = GroupManagerKey.fromBytes(in.readMediumField(GroupManagerKey.MAX_ENCODED_BYTES));
        in.finish();
        if (!certificate.hasSubjectKey(identity.publicKey())) {
            throw new MalformedEncodingException("account record: the certificate is not for the identity key");
        }
        return new AccountRecord(number, identity, certificate, envelopeKeyId, envelopeKey, preKeyId, preKey, group);
    }

    @Override
    public String toString() {
        return "AccountRecord[" + number + ", keys=<redacted>]";
    }
}
