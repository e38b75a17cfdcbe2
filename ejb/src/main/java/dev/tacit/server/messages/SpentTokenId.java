package dev.tacit.server.messages;

import java.util.Arrays;

import dev.tacit.crypto.token.Token;

/** A spent token's identity, (token_key_id, nonce): what the server keeps of a token, and all it needs. */
public record SpentTokenId(byte[] keyId, byte[] nonce) {

    public SpentTokenId {
        keyId = keyId.clone();
        nonce = nonce.clone();
    }

    public static SpentTokenId of(Token token) {
        return new SpentTokenId(token.keyId().encode(), token.nonce());
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpentTokenId that && Arrays.equals(keyId, that.keyId) && Arrays.equals(nonce, that.nonce);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keyId) + Arrays.hashCode(nonce);
    }

    /** Names nothing: a nonce stays out of logs. */
    @Override
    public String toString() {
        return "SpentTokenId[…]";
    }
}
