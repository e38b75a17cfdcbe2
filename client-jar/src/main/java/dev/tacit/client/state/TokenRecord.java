package dev.tacit.client.state;

import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * An unspent token and what it may be spent on (docs/protocol.md §2.1). A token is removed from the state when
 * a request carrying it is sent, whatever the answer, so that none is ever sent twice.
 * Payload: {@code 0x01 || purpose (u8: 1 first contact, 2 discovery, 3 reputation stamp) || token (354)}.
 *
 * @param purpose what the token pays for
 * @param token   the token
 */
public record TokenRecord(TokenPurpose purpose, Token token) implements StateRecord {

    private static final int VERSION = 1;

    public TokenRecord {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public int typeId() {
        return RecordType.TOKEN.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeByte(purpose.ordinal() + 1).writeFixed(token.encode())
                .toByteArray();
    }

    static TokenRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "token record");
        in.expectVersion(VERSION);
        int purpose = in.readUnsignedByte();
        if (purpose < 1 || purpose > TokenPurpose.values().length) {
            throw new MalformedEncodingException("token record: unknown purpose " + purpose);
        }
        Token token = Token.decode(in.readFixed(Token.LENGTH));
        in.finish();
        return new TokenRecord(TokenPurpose.values()[purpose - 1], token);
    }

    @Override
    public String toString() {
        return "TokenRecord[" + purpose + ", key " + token.keyId() + "]";
    }
}
