package dev.tacit.client.state;

import java.util.Objects;

import dev.tacit.client.messages.TokenState;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A first-contact token this client spent, kept until it comes back (released, then exchanged for a new one) or
 * is gone for good (burned, refreshed), with the state the server last named for it (docs/protocol.md §4.17–§4.19).
 * Written, and the unspent {@link TokenRecord} removed, before the first contact carrying it is sent.
 * Payload: {@code 0x01 || state (u8: 0 unknown, 1 attached, 2 releasing, 3 released, 4 refreshed, 5 burned) ||
 * token (354)}.
 *
 * @param token     the spent token
 * @param lastState what the server last said of it; {@link TokenState#UNKNOWN} before it was asked
 */
public record SentTokenRecord(Token token, TokenState lastState) implements StateRecord {

    private static final int VERSION = 1;

    public SentTokenRecord {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(lastState, "lastState");
    }

    @Override
    public int typeId() {
        return RecordType.SENT_TOKEN.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeByte(lastState.ordinal()).writeFixed(token.encode())
                .toByteArray();
    }

    static SentTokenRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "sent token record");
        in.expectVersion(VERSION);
        int state = in.readUnsignedByte();
        if (state >= TokenState.values().length) {
            throw new MalformedEncodingException("sent token record: unknown state " + state);
        }
        Token token = Token.decode(in.readFixed(Token.LENGTH));
        in.finish();
        return new SentTokenRecord(token, TokenState.values()[state]);
    }

    @Override
    public String toString() {
        return "SentTokenRecord[" + lastState + ", key " + token.keyId() + "]";
    }
}
