package dev.tacit.crypto.token;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.StrictReader;

/**
 * Constants of Privacy Pass token type 0x0002, Blind RSA (2048-bit) (RFC 9578 §6 and §8.2.2), the only
 * token type Tacit uses.
 */
public final class TokenFormat {

    /** The token_type value of every challenge, request and token this package handles. */
    public static final int TOKEN_TYPE = 0x0002;
    /** Nk: length of the issuer modulus, the blinded message, the blind signature and the authenticator. */
    public static final int NK = 256;
    /** Nid: length of token_key_id. */
    public static final int NID = 32;
    /** Length of the client's nonce. */
    public static final int NONCE_LENGTH = 32;
    /** Length of challenge_digest, a SHA-256 output. */
    public static final int CHALLENGE_DIGEST_LENGTH = 32;

    private TokenFormat() {
    }

    /** Reads a token_type field and rejects any type but {@link #TOKEN_TYPE}. */
    static void readTokenType(StrictReader reader, String what) throws MalformedEncodingException {
        int type = reader.readUnsignedShort();
        if (type != TOKEN_TYPE) {
            throw new UnsupportedTokenTypeException(String.format("%s has token_type 0x%04x; only 0x%04x is supported",
                    what, type, TOKEN_TYPE));
        }
    }
}
