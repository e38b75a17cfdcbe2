package dev.tacit.http.signature;

/**
 * An account's Ed25519 identity private key, as the request signer needs it. Implemented by the account
 * identity key type; the private key never leaves the implementation.
 */
public interface RequestSigningKey {

    /** The {@code keyid}: the account's E.164 phone number, such as {@code +15555550100}. */
    String keyId();

    /** The 64-byte Ed25519 signature (RFC 8032, no prehash) of {@code signatureBase}. */
    byte[] sign(byte[] signatureBase);
}
