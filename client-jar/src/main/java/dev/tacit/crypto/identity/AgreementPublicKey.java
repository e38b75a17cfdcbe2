package dev.tacit.crypto.identity;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * An X25519 public key (RFC 7748), 32 bytes. Any 32 bytes decode (X25519 has no invalid encodings);
 * low-order keys are caught at agreement time, where the all-zero shared secret is rejected.
 */
public final class AgreementPublicKey {

    public static final int LENGTH = 32;

    private final byte[] encoded;

    private AgreementPublicKey(byte[] encoded) {
        this.encoded = encoded;
    }

    public static AgreementPublicKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded == null || encoded.length != LENGTH) {
            throw new MalformedEncodingException("an X25519 public key is 32 bytes");
        }
        return new AgreementPublicKey(encoded.clone());
    }

    static AgreementPublicKey of(X25519PublicKeyParameters parameters) {
        return new AgreementPublicKey(parameters.getEncoded());
    }

    /** The key as Bouncy Castle parameters, for the HPKE and ratchet code. */
    public X25519PublicKeyParameters parameters() {
        return new X25519PublicKeyParameters(encoded);
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementPublicKey && MessageDigest.isEqual(encoded, ((AgreementPublicKey) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "AgreementPublicKey[" + HexFormat.of().formatHex(encoded) + "]";
    }
}
