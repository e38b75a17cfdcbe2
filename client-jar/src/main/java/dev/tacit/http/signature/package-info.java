/**
 * Tacit's authenticated channel: HTTP Message Signatures (RFC 9421) with Ed25519 over account-scoped
 * requests, with an RFC 9530 {@code Content-Digest} of the body (docs/protocol.md §5).
 *
 * <p>Clients sign with {@link dev.tacit.http.signature.RequestSigner}; the server checks with
 * {@link dev.tacit.http.signature.RequestVerifier} and then enforces single use of the returned nonce.
 * Requests are described by {@link dev.tacit.http.signature.HttpRequestParts}, independent of any HTTP
 * library.
 */
package dev.tacit.http.signature;
