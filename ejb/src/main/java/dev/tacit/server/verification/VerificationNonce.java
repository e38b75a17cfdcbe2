package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.util.Arrays;

import dev.tacit.crypto.wire.Base64Url;

/**
 * The 16 random bytes that make each verification token unique. Whoever consumes a token (account creation)
 * records the nonce so that the token cannot be used twice; {@link #encoded()} is the form to store.
 */
public final class VerificationNonce {

    static final int LENGTH = 16;

    private final byte[] bytes;

    private VerificationNonce(byte[] bytes) {
        this.bytes = bytes;
    }

    static VerificationNonce random(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new VerificationNonce(bytes);
    }

    static VerificationNonce of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a nonce has " + LENGTH + " bytes");
        }
        return new VerificationNonce(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** base64url without padding: 22 characters. */
    public String encoded() {
        return Base64Url.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationNonce nonce && Arrays.equals(nonce.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "VerificationNonce[" + encoded() + "]";
    }
}
