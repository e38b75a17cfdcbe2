package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.AgreementPublicKey;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The initiator's X3DH-style material, sent with the first message of a session:
 * {@code 0x01 || pre_key_id(u32) || ephemeral_key(32)}.
 */
public final class SessionInitiation {

    public static final int VERSION = 1;
    public static final int LENGTH = 1 + 4 + AgreementPublicKey.LENGTH;

    private final long preKeyId;
    private final AgreementPublicKey ephemeralKey;

    SessionInitiation(long preKeyId, AgreementPublicKey ephemeralKey) {
        this.preKeyId = preKeyId;
        this.ephemeralKey = ephemeralKey;
    }

    public static SessionInitiation fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "SessionInitiation");
        in.expectVersion(VERSION);
        long preKeyId = in.readUnsignedInt(0xffffffffL);
        AgreementPublicKey ephemeral = AgreementPublicKey.fromBytes(in.readFixed(AgreementPublicKey.LENGTH));
        in.finish();
        return new SessionInitiation(preKeyId, ephemeral);
    }

    public byte[] toBytes() {
        return new FieldWriter().writeByte(VERSION).writeInt(preKeyId).writeFixed(ephemeralKey.toBytes()).toByteArray();
    }

    /** Which of the recipient's signed pre-keys the initiator used. */
    public long preKeyId() {
        return preKeyId;
    }

    AgreementPublicKey ephemeralKey() {
        return ephemeralKey;
    }

    @Override
    public String toString() {
        return "SessionInitiation[preKeyId=" + preKeyId + ", " + ephemeralKey + "]";
    }
}
