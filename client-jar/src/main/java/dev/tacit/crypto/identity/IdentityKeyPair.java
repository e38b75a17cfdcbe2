package dev.tacit.crypto.identity;

import java.security.SecureRandom;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.SecretKeyAccess;

/**
 * An account's long-term Ed25519 identity key, the key the server certifies. Also used as a certificate
 * authority's signing key. The private seed never appears in {@link #toString()}.
 */
public final class IdentityKeyPair {

    /** Length of the private seed. */
    public static final int SEED_LENGTH = 32;

    private final Ed25519PrivateKeyParameters privateKey;
    private final IdentityPublicKey publicKey;

    private IdentityKeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = IdentityPublicKey.of(privateKey.generatePublicKey());
    }

    public static IdentityKeyPair generate(SecureRandom random) {
        return new IdentityKeyPair(new Ed25519PrivateKeyParameters(random));
    }

    /** Restores a key pair from its 32-byte seed, as written by {@link #seedBytes(SecretKeyAccess)}. */
    public static IdentityKeyPair fromSeed(byte[] seed) throws MalformedEncodingException {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new MalformedEncodingException("an Ed25519 seed is 32 bytes");
        }
        return new IdentityKeyPair(new Ed25519PrivateKeyParameters(seed.clone()));
    }

    /** The private seed, to be stored protected only: a client's encrypted key store, a server's sealed keys. */
    public byte[] seedBytes(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        return privateKey.getEncoded();
    }

    public IdentityPublicKey publicKey() {
        return publicKey;
    }

    /** An Ed25519 signature (pure, no context) over {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    Ed25519PrivateKeyParameters privateParameters() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "IdentityKeyPair[public=" + publicKey + ", private=<redacted>]";
    }
}
