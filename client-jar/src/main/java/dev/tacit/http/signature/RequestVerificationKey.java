package dev.tacit.http.signature;

import java.util.Objects;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.encoders.Hex;

import dev.tacit.crypto.identity.IdentityPublicKey;

/**
 * An account's Ed25519 identity public key as the request verifier uses it: its 32-byte encoding, which every
 * verification decodes the same way. The key's full validation (a point of the prime-order subgroup) happens
 * once, when it is typed as an {@link IdentityPublicKey} at registration; so checking a request against a
 * registered key costs exactly what checking it against the {@link #DECOY} costs (docs/protocol.md §5.3).
 */
public final class RequestVerificationKey {

    /**
     * The key an unknown {@code keyid} is checked against, its result discarded: RFC 8032 §7.1 TEST 1's public
     * key, a valid point like every registered key.
     */
    static final RequestVerificationKey DECOY = new RequestVerificationKey(
            Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));

    private final byte[] encoded;

    private RequestVerificationKey(byte[] encoded) {
        this.encoded = encoded;
    }

    /** The verification key of a typed, hence validated, identity key. */
    public static RequestVerificationKey of(IdentityPublicKey identityKey) {
        return new RequestVerificationKey(identityKey.toBytes());
    }

    /**
     * The verification key of an identity key that was validated when it was stored, read back from that
     * storage: a server's registered accounts. Not validated again, so that a registered key costs no more per
     * request than the decoy.
     *
     * @throws IllegalArgumentException unless {@code validatedEncoding} has the 32 bytes of an Ed25519 key
     */
    public static RequestVerificationKey ofValidatedEncoding(byte[] validatedEncoding) {
        Objects.requireNonNull(validatedEncoding);
        if (validatedEncoding.length != IdentityPublicKey.LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has " + IdentityPublicKey.LENGTH + " bytes");
        }
        return new RequestVerificationKey(validatedEncoding.clone());
    }

    /** Whether {@code signature} is a valid Ed25519 signature (RFC 8032, no prehash) of {@code signatureBase}. */
    boolean verify(byte[] signatureBase, byte[] signature) {
        return Ed25519.verify(signature, 0, encoded, 0, signatureBase, 0, signatureBase.length);
    }

    @Override
    public String toString() {
        return "RequestVerificationKey[" + Hex.toHexString(encoded) + "]";
    }
}
