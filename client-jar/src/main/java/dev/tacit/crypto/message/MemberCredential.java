package dev.tacit.crypto.message;

import java.security.MessageDigest;
import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * A member key of the sender's own BBS group, handed to a contact so they can reply without tokens. Carried as
 * opaque bytes in the MemberCredential encoding of protocol §2.2, which this package does not interpret; it is
 * secret, so it never appears in {@link #toString()}.
 */
public final class MemberCredential {

    /** Upper bound on the encoding, generous for a BBS member key on BLS12-381. */
    public static final int MAX_LENGTH = 4096;

    private final byte[] encoding;

    private MemberCredential(byte[] encoding) {
        this.encoding = encoding;
    }

    public static MemberCredential fromBytes(byte[] encoding) throws MalformedEncodingException {
        if (encoding == null || encoding.length == 0 || encoding.length > MAX_LENGTH) {
            throw new MalformedEncodingException("member credential must be 1 to " + MAX_LENGTH + " bytes");
        }
        return new MemberCredential(encoding.clone());
    }

    public byte[] toBytes() {
        return encoding.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberCredential && MessageDigest.isEqual(encoding, ((MemberCredential) other).encoding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoding);
    }

    @Override
    public String toString() {
        return "MemberCredential[" + encoding.length + " bytes, <redacted>]";
    }
}
