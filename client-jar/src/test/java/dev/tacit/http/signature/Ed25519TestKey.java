package dev.tacit.http.signature;

import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Test-only Ed25519 keys on Bouncy Castle, standing in for the account identity key types. */
final class Ed25519TestKey implements RequestSigningKey {

    /** RFC 9421 Appendix B.1.4 "test-key-ed25519": the 32-byte seed from its JWK {@code d}. */
    static final byte[] RFC9421_SEED = Base64.getUrlDecoder().decode("n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU");
    /** Its public key, from the JWK {@code x}. */
    static final byte[] RFC9421_PUBLIC = Base64.getUrlDecoder().decode("JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs");

    private final String keyId;
    private final Ed25519PrivateKeyParameters privateKey;

    Ed25519TestKey(String keyId, byte[] seed) {
        this.keyId = keyId;
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    }

    static Ed25519TestKey generate(String keyId) {
        return new Ed25519TestKey(keyId, new Ed25519PrivateKeyParameters(new SecureRandom()).getEncoded());
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] signatureBase) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(signatureBase, 0, signatureBase.length);
        return signer.generateSignature();
    }

    byte[] publicKeyBytes() {
        return privateKey.generatePublicKey().getEncoded();
    }

    RequestVerificationKey verificationKey() {
        return verificationKey(publicKeyBytes());
    }

    static RequestVerificationKey verificationKey(byte[] publicKey) {
        return RequestVerificationKey.ofValidatedEncoding(publicKey);
    }
}
