package dev.tacit.crypto.identity;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;

/** The public half of an account's long-term Ed25519 identity key (RFC 8032), 32 bytes. */
public final class IdentityPublicKey {

    public static final int LENGTH = 32;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] encoded;
    private final Ed25519PublicKeyParameters parameters;

    private IdentityPublicKey(byte[] encoded) {
        this.encoded = encoded;
        this.parameters = new Ed25519PublicKeyParameters(encoded);
    }

    /** Decodes a key, rejecting encodings that are not a valid point of the prime-order subgroup. */
    public static IdentityPublicKey fromBytes(byte[] encoded) throws MalformedEncodingException {
        if (encoded == null || encoded.length != LENGTH || !Ed25519.validatePublicKeyFull(encoded, 0)) {
            throw new MalformedEncodingException("not a valid Ed25519 public key");
        }
        return new IdentityPublicKey(encoded.clone());
    }

    static IdentityPublicKey of(Ed25519PublicKeyParameters parameters) {
        return new IdentityPublicKey(parameters.getEncoded());
    }

    Ed25519PublicKeyParameters parameters() {
        return parameters;
    }

    /** Checks an Ed25519 signature by this key over {@code message}. */
    public void verify(byte[] message, byte[] signature) throws VerificationFailedException {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new VerificationFailedException("signature has the wrong length");
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(signature)) {
            throw new VerificationFailedException("signature does not verify under the identity key");
        }
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityPublicKey && MessageDigest.isEqual(encoded, ((IdentityPublicKey) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "IdentityPublicKey[" + HexFormat.of().formatHex(encoded) + "]";
    }
}
