package dev.tacit.crypto.token;

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.util.encoders.Hex;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A finished Privacy Pass token of type 0x0002 (RFC 9577 §2.2, RFC 9578 §6.3), 354 bytes:
 * <pre>
 * token_type (2) || nonce (32) || challenge_digest (32) || token_key_id (32) || authenticator (Nk = 256)
 * </pre>
 * Self-describing: anyone holding the issuer public key named by token_key_id can check the authenticator, an
 * RSASSA-PSS signature over everything before it. Decoding checks only the format; use {@link TokenVerifier}.
 */
public final class Token {

    /** Encoded length in bytes. */
    public static final int LENGTH = 2 + TokenFormat.NONCE_LENGTH + TokenFormat.CHALLENGE_DIGEST_LENGTH + TokenFormat.NID
            + TokenFormat.NK;
    /** Length of the signed part, token_type through token_key_id. */
    static final int AUTHENTICATOR_INPUT_LENGTH = LENGTH - TokenFormat.NK;

    private final byte[] encoded;
    private final TokenKeyId keyId;

    private Token(byte[] encoded, TokenKeyId keyId) {
        this.encoded = encoded;
        this.keyId = keyId;
    }

    /** Decodes exactly {@link #LENGTH} bytes with token_type 0x0002. */
    public static Token decode(byte[] encoded) throws MalformedEncodingException {
        StrictReader reader = StrictReader.ofLength(encoded, LENGTH, "Token");
        TokenFormat.readTokenType(reader, "Token");
        reader.readFixed(TokenFormat.NONCE_LENGTH + TokenFormat.CHALLENGE_DIGEST_LENGTH);
        TokenKeyId keyId = TokenKeyId.decode(reader.readFixed(TokenFormat.NID));
        return new Token(encoded.clone(), keyId);
    }

    /** token_input of RFC 9578 §6.1: {@code 0x0002 || nonce || challenge_digest || token_key_id}. */
    static byte[] authenticatorInput(byte[] nonce, byte[] challengeDigest, TokenKeyId keyId) {
        byte[] input = new byte[AUTHENTICATOR_INPUT_LENGTH];
        input[0] = (byte) (TokenFormat.TOKEN_TYPE >>> 8);
        input[1] = (byte) TokenFormat.TOKEN_TYPE;
        System.arraycopy(nonce, 0, input, 2, TokenFormat.NONCE_LENGTH);
        System.arraycopy(challengeDigest, 0, input, 2 + TokenFormat.NONCE_LENGTH, TokenFormat.CHALLENGE_DIGEST_LENGTH);
        keyId.writeTo(input, 2 + TokenFormat.NONCE_LENGTH + TokenFormat.CHALLENGE_DIGEST_LENGTH);
        return input;
    }

    static Token assemble(byte[] authenticatorInput, TokenKeyId keyId, byte[] authenticator) {
        byte[] encoded = Arrays.copyOf(authenticatorInput, LENGTH);
        System.arraycopy(authenticator, 0, encoded, AUTHENTICATOR_INPUT_LENGTH, TokenFormat.NK);
        return new Token(encoded, keyId);
    }

    public byte[] encode() {
        return encoded.clone();
    }

    /** The client's random nonce; unique per token, so a server can key its spent-token records by it. */
    public byte[] nonce() {
        return Arrays.copyOfRange(encoded, 2, 2 + TokenFormat.NONCE_LENGTH);
    }

    /** SHA-256 of the TokenChallenge the token was fetched for. */
    public byte[] challengeDigest() {
        int start = 2 + TokenFormat.NONCE_LENGTH;
        return Arrays.copyOfRange(encoded, start, start + TokenFormat.CHALLENGE_DIGEST_LENGTH);
    }

    /** The id of the issuer key whose signature the token carries. */
    public TokenKeyId keyId() {
        return keyId;
    }

    /** Whether challenge_digest is the digest of {@code challenge} (compared in constant time). */
    public boolean isFor(TokenChallenge challenge) {
        return MessageDigest.isEqual(challengeDigest(), challenge.digest());
    }

    byte[] authenticatorInput() {
        return Arrays.copyOf(encoded, AUTHENTICATOR_INPUT_LENGTH);
    }

    byte[] authenticator() {
        return Arrays.copyOfRange(encoded, AUTHENTICATOR_INPUT_LENGTH, LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Token[keyId=" + keyId + ", nonce=" + Hex.toHexString(nonce()) + "]";
    }
}
