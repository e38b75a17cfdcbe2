/**
 * Cross-checks of docs/protocol.md's worked examples against implementations that share no code with Tacit's: the
 * JDK's own providers (SunEC's Ed25519 and X25519, SunJCE's HMAC and ChaCha20-Poly1305, SunRsaSign's RSASSA-PSS),
 * Google Tink's HPKE and Apache Milagro's pure-Java BLS12-381 pairing. Where a library gives only primitives, the
 * construction on top (HKDF, HPKE's key schedule, expand_message_xmd, the BBS equations) is written here from the
 * specification, and {@code IndependentImplementationsTest} checks it against the RFCs' published vectors first.
 *
 * <p>Nothing in this package calls Tacit's cryptography to compute an expected value; Tacit's public API appears only
 * as the party under test (opening what an independent sender sealed, accepting what an independent signer signed).
 */
package dev.tacit.crosscheck;
