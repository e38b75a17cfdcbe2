package dev.tacit.crypto.identity;

import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * An X25519 public key signed by an identity key for one {@link KeyPurpose}. Wire form (102 bytes):
 * {@code 0x01 || purpose(1) || key_id(4) || x25519_public(32) || ed25519_signature(64)}; the signature covers
 * {@code purpose_label || 0x00 || key_id || x25519_public}.
 */
public final class SignedPreKey {

    public static final int VERSION = 1;
    public static final int ENCODED_LENGTH = 1 + 1 + 4 + AgreementPublicKey.LENGTH + IdentityPublicKey.SIGNATURE_LENGTH;

    private final KeyPurpose purpose;
    private final long keyId;
    private final AgreementPublicKey publicKey;
    private final byte[] signature;

    private SignedPreKey(KeyPurpose purpose, long keyId, AgreementPublicKey publicKey, byte[] signature) {
        this.purpose = purpose;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.signature = signature;
    }

    /** Signs {@code publicKey} for {@code purpose} under the owner's identity key. */
    public static SignedPreKey sign(IdentityKeyPair owner, KeyPurpose purpose, long keyId, AgreementPublicKey publicKey) {
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(publicKey);
        if (keyId < 0 || keyId > 0xffffffffL) {
            throw new IllegalArgumentException("key id must fit in 32 bits");
        }
        return new SignedPreKey(purpose, keyId, publicKey, owner.sign(signedData(purpose, keyId, publicKey)));
    }

    public static SignedPreKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "SignedPreKey");
        in.expectVersion(VERSION);
        KeyPurpose purpose = KeyPurpose.fromCode(in.readUnsignedByte());
        long keyId = in.readUnsignedInt(0xffffffffL);
        AgreementPublicKey key = AgreementPublicKey.fromBytes(in.readFixed(AgreementPublicKey.LENGTH));
        byte[] signature = in.readFixed(IdentityPublicKey.SIGNATURE_LENGTH);
        in.finish();
        return new SignedPreKey(purpose, keyId, key, signature);
    }

    /** Checks that {@code owner} signed this key for {@code expectedPurpose}. */
    public void verify(IdentityPublicKey owner, KeyPurpose expectedPurpose) throws VerificationFailedException {
        if (purpose != expectedPurpose) {
            throw new VerificationFailedException("key is signed for " + purpose + ", not " + expectedPurpose);
        }
        owner.verify(signedData(purpose, keyId, publicKey), signature);
    }

    private static byte[] signedData(KeyPurpose purpose, long keyId, AgreementPublicKey key) {
        return new FieldWriter().writeFixed(purpose.label()).writeByte(0).writeInt(keyId).writeFixed(key.toBytes()).toByteArray();
    }

    public byte[] toBytes() {
        return new FieldWriter().writeByte(VERSION).writeByte(purpose.code()).writeInt(keyId)
                .writeFixed(publicKey.toBytes()).writeFixed(signature).toByteArray();
    }

    public KeyPurpose purpose() {
        return purpose;
    }

    public long keyId() {
        return keyId;
    }

    public AgreementPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "SignedPreKey[" + purpose + ", id=" + keyId + ", " + publicKey + "]";
    }
}
