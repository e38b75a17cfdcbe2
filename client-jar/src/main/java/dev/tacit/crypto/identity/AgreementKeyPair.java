package dev.tacit.crypto.identity;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.SecretKeyAccess;
import dev.tacit.crypto.VerificationFailedException;

/** An X25519 key pair: signed pre-keys, envelope keys and ratchet keys. The private key is never printed. */
public final class AgreementKeyPair {

    public static final int PRIVATE_LENGTH = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final AgreementPublicKey publicKey;

    private AgreementKeyPair(X25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = AgreementPublicKey.of(privateKey.generatePublicKey());
    }

    public static AgreementKeyPair generate(SecureRandom random) {
        return new AgreementKeyPair(new X25519PrivateKeyParameters(random));
    }

    /** Restores a key pair from the 32 bytes written by {@link #privateBytes(SecretKeyAccess)}. */
    public static AgreementKeyPair fromPrivateBytes(byte[] privateBytes) throws MalformedEncodingException {
        if (privateBytes == null || privateBytes.length != PRIVATE_LENGTH) {
            throw new MalformedEncodingException("an X25519 private key is 32 bytes");
        }
        return new AgreementKeyPair(new X25519PrivateKeyParameters(privateBytes.clone()));
    }

    /** The private key, to be stored protected only: the client's own encrypted state store. */
    public byte[] privateBytes(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        return privateKey.getEncoded();
    }

    public AgreementPublicKey publicKey() {
        return publicKey;
    }

    /**
     * X25519(private, theirs). An all-zero result means {@code theirs} is a low-order point chosen to
     * cancel the key exchange, and is refused (RFC 7748 §6.1).
     */
    public byte[] agree(AgreementPublicKey theirs) throws VerificationFailedException {
        byte[] shared = new byte[32];
        try {
            privateKey.generateSecret(theirs.parameters(), shared, 0);
        } catch (IllegalStateException lowOrder) {
            throw new VerificationFailedException("X25519 agreement with a low-order public key");
        }
        return shared;
    }

    /** The key pair as Bouncy Castle parameters, private key included, for the HPKE code. */
    public AsymmetricCipherKeyPair asBouncyCastle(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        return new AsymmetricCipherKeyPair(publicKey.parameters(), privateKey);
    }

    @Override
    public String toString() {
        return "AgreementKeyPair[public=" + publicKey + ", private=<redacted>]";
    }
}
