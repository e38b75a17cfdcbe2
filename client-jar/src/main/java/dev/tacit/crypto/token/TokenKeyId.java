package dev.tacit.crypto.token;

import java.util.Arrays;

import org.bouncycastle.util.encoders.Hex;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * token_key_id: SHA-256 of an issuer public key's SubjectPublicKeyInfo (RFC 9578 §6.5). Tokens name the key
 * that signed them by it, which lets a verifier hold several keys while an operator rotates them.
 */
public final class TokenKeyId {

    private final byte[] value;

    private TokenKeyId(byte[] value) {
        this.value = value;
    }

    /** Decodes a 32-byte key id. */
    public static TokenKeyId decode(byte[] encoded) throws MalformedEncodingException {
        if (encoded.length != TokenFormat.NID) {
            throw new MalformedEncodingException("a token_key_id is " + TokenFormat.NID + " bytes, not " + encoded.length);
        }
        return new TokenKeyId(encoded.clone());
    }

    static TokenKeyId ofDigest(byte[] sha256) {
        return new TokenKeyId(sha256.clone());
    }

    /** The 32 bytes of the key id. */
    public byte[] encode() {
        return value.clone();
    }

    /** truncated_token_key_id: the last byte, all that a TokenRequest reveals to the issuer (0..255). */
    public int truncated() {
        return value[value.length - 1] & 0xff;
    }

    void writeTo(byte[] target, int offset) {
        System.arraycopy(value, 0, target, offset, value.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKeyId that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** The key id in hex; it is public. */
    @Override
    public String toString() {
        return Hex.toHexString(value);
    }
}
