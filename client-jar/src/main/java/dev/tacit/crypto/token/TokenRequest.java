package dev.tacit.crypto.token;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The client's TokenRequest of RFC 9578 §6.1: {@code token_type (2) || truncated_token_key_id (1) ||
 * blinded_msg (Nk)}, 259 bytes. The blinded message reveals nothing about the token it will become.
 */
public final class TokenRequest {

    /** Encoded length in bytes. */
    public static final int LENGTH = 2 + 1 + TokenFormat.NK;

    private final int truncatedKeyId;
    private final byte[] blindedMessage;

    TokenRequest(int truncatedKeyId, byte[] blindedMessage) {
        if (truncatedKeyId < 0 || truncatedKeyId > 0xff || blindedMessage.length != TokenFormat.NK) {
            throw new IllegalArgumentException("a token request has a one-byte key id and an Nk-byte blinded message");
        }
        this.truncatedKeyId = truncatedKeyId;
        this.blindedMessage = blindedMessage.clone();
    }

    /** Decodes exactly {@link #LENGTH} bytes with token_type 0x0002. */
    public static TokenRequest decode(byte[] encoded) throws MalformedEncodingException {
        StrictReader reader = StrictReader.ofLength(encoded, LENGTH, "TokenRequest");
        TokenFormat.readTokenType(reader, "TokenRequest");
        int truncatedKeyId = reader.readUnsignedByte();
        return new TokenRequest(truncatedKeyId, reader.readFixed(TokenFormat.NK));
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = (byte) (TokenFormat.TOKEN_TYPE >>> 8);
        out[1] = (byte) TokenFormat.TOKEN_TYPE;
        out[2] = (byte) truncatedKeyId;
        System.arraycopy(blindedMessage, 0, out, 3, TokenFormat.NK);
        return out;
    }

    /** The last byte of the token_key_id the client blinded for; the issuer picks its key by it. */
    public int truncatedKeyId() {
        return truncatedKeyId;
    }

    byte[] blindedMessage() {
        return blindedMessage.clone();
    }

    @Override
    public String toString() {
        return "TokenRequest[truncatedKeyId=" + truncatedKeyId + "]";
    }
}
