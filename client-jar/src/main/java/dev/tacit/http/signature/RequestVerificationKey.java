package dev.tacit.http.signature;

/** An account's Ed25519 identity public key, as the request verifier needs it. */
public interface RequestVerificationKey {

    /** Whether {@code signature} is a valid Ed25519 signature (RFC 8032, no prehash) of {@code signatureBase}. */
    boolean verify(byte[] signatureBase, byte[] signature);
}
