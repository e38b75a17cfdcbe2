package dev.tacit.client.state;

import java.security.SecureRandom;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A conversation with one peer: its ratchet session and the own credential still to hand over, in the stored
 * form of docs/protocol.md §3.9. Payload: {@code 0x01 || conversation_len (u32) || conversation (§3.9)}.
 */
public final class ConversationRecord implements StateRecord {

    private static final int VERSION = 1;
    /** §3.9 bounds a session at 64 retired and 2,000 skipped keys: well under a megabyte. */
    private static final int MAX_CONVERSATION_BYTES = 1 << 20;

    private final PhoneNumber peer;
    private final byte[] conversation;

    private ConversationRecord(PhoneNumber peer, byte[] conversation) {
        this.peer = peer;
        this.conversation = conversation;
    }

    /** The conversation's current state, to be stored. */
    public static ConversationRecord of(Conversation conversation) {
        return new ConversationRecord(conversation.peer(), conversation.toBytes());
    }

    public PhoneNumber peer() {
        return peer;
    }

    /** The conversation as stored, to continue it ({@code random} for its next ratchet keys). */
    public Conversation conversation(SecureRandom random) throws MalformedEncodingException {
        return Conversation.fromBytes(conversation, random);
    }

    @Override
    public int typeId() {
        return RecordType.CONVERSATION.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeLongField(conversation).toByteArray();
    }

    static ConversationRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "conversation record");
        in.expectVersion(VERSION);
        byte[] conversation = in.readLongField(MAX_CONVERSATION_BYTES);
        in.finish();
        // Decoded once here, so that a damaged record is found when the state opens, not when it is used.
        PhoneNumber peer = Conversation.fromBytes(conversation, new SecureRandom()).peer();
        return new ConversationRecord(peer, conversation);
    }

    @Override
    public String toString() {
        return "ConversationRecord[" + peer + ", session=<redacted>]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationRecord that && peer.equals(that.peer)
                && java.util.Arrays.equals(conversation, that.conversation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peer, java.util.Arrays.hashCode(conversation));
    }
}
