/**
 * Account identity: the long-term Ed25519 identity key, X25519 keys signed by it (envelope key and ratchet
 * pre-key), the published {@link dev.tacit.crypto.identity.KeyBundle}, and the X.509 machinery around the
 * server CA: PKCS#10 requests with proof of possession, issuing, and verifying against a pinned CA.
 */
package dev.tacit.crypto.identity;
