package dev.tacit.crypto.token;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.StrictReader;

/** The issuer's TokenResponse of RFC 9578 §6.2: the Nk-byte blind signature {@code blind_sig}, nothing else. */
public final class TokenResponse {

    /** Encoded length in bytes. */
    public static final int LENGTH = TokenFormat.NK;

    private final byte[] blindSignature;

    TokenResponse(byte[] blindSignature) {
        if (blindSignature.length != LENGTH) {
            throw new IllegalArgumentException("a blind signature is Nk bytes");
        }
        this.blindSignature = blindSignature.clone();
    }

    /** Decodes exactly {@link #LENGTH} bytes. */
    public static TokenResponse decode(byte[] encoded) throws MalformedEncodingException {
        StrictReader reader = StrictReader.ofLength(encoded, LENGTH, "TokenResponse");
        return new TokenResponse(reader.readFixed(LENGTH));
    }

    public byte[] encode() {
        return blindSignature.clone();
    }

    byte[] blindSignature() {
        return blindSignature.clone();
    }

    @Override
    public String toString() {
        return "TokenResponse[" + LENGTH + " bytes]";
    }
}
