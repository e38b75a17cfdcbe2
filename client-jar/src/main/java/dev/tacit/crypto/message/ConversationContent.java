package dev.tacit.crypto.message;

import java.util.Objects;
import java.util.Optional;

import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.ratchet.RatchetMessage;
import dev.tacit.crypto.ratchet.SessionInitiation;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The content of a sealed envelope in a conversation. Two kinds, told apart by the type byte:
 * <ul>
 * <li>first contact: {@code 0x01 || 0x01 || session_initiation(37) || u16 credential_len || credential ||
 * ratchet_message}; the credential is mandatory and the ratchet message carries the first text;</li>
 * <li>follow-up: {@code 0x01 || 0x02 || u16 credential_len || credential || ratchet_message}, where
 * {@code credential_len} is 0 when no credential is attached (every message but the first reply).</li>
 * </ul>
 * The ratchet message runs to the end. The sender's certificate travels in the envelope's signed layer.
 */
public final class ConversationContent {

    public static final int VERSION = 1;
    static final int FIRST_CONTACT = 1;
    static final int FOLLOW_UP = 2;

    private final SessionInitiation initiation;
    private final MemberCredential credential;
    private final RatchetMessage message;

    private ConversationContent(SessionInitiation initiation, MemberCredential credential, RatchetMessage message) {
        this.initiation = initiation;
        this.credential = credential;
        this.message = Objects.requireNonNull(message);
    }

    static ConversationContent firstContact(SessionInitiation initiation, MemberCredential credential, RatchetMessage message) {
        return new ConversationContent(Objects.requireNonNull(initiation), Objects.requireNonNull(credential), message);
    }

    static ConversationContent followUp(MemberCredential credentialOrNull, RatchetMessage message) {
        return new ConversationContent(null, credentialOrNull, message);
    }

    public static ConversationContent fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "ConversationContent");
        in.expectVersion(VERSION);
        int type = in.readUnsignedByte();
        if (type == FIRST_CONTACT) {
            SessionInitiation initiation = SessionInitiation.fromBytes(in.readFixed(SessionInitiation.LENGTH));
            MemberCredential credential = MemberCredential.fromBytes(in.readMediumField(MemberCredential.MAX_ENCODED_BYTES));
            return new ConversationContent(initiation, credential, RatchetMessage.fromBytes(in.readRemaining(1)));
        }
        if (type == FOLLOW_UP) {
            byte[] credential = in.readMediumField(MemberCredential.MAX_ENCODED_BYTES);
            return new ConversationContent(null, credential.length == 0 ? null : MemberCredential.fromBytes(credential),
                    RatchetMessage.fromBytes(in.readRemaining(1)));
        }
        throw new MalformedEncodingException("ConversationContent: unknown type " + type);
    }

    public byte[] toBytes() {
        FieldWriter out = new FieldWriter().writeByte(VERSION);
        if (initiation != null) {
            out.writeByte(FIRST_CONTACT).writeFixed(initiation.toBytes());
        } else {
            out.writeByte(FOLLOW_UP);
        }
        out.writeMediumField(credential == null ? new byte[0] : credential.toBytes());
        return out.writeFixed(message.toBytes()).toByteArray();
    }

    public boolean isFirstContact() {
        return initiation != null;
    }

    Optional<SessionInitiation> initiation() {
        return Optional.ofNullable(initiation);
    }

    Optional<MemberCredential> credential() {
        return Optional.ofNullable(credential);
    }

    RatchetMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return "ConversationContent[" + (isFirstContact() ? "first contact" : "follow-up")
                + (credential != null ? ", with credential" : "") + ", " + message + "]";
    }
}
