/**
 * The Double Ratchet (Signal specification) over X25519, HKDF-SHA256, HMAC-SHA256 and ChaCha20-Poly1305, started by
 * an X3DH-style agreement against the peer's signed pre-key.
 */
package dev.tacit.crypto.ratchet;
