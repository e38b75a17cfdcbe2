/**
 * Bulk senders (docs/protocol.md §4.26–§4.28): the byte string an account signs with the private key of an
 * X.509 certificate to prove it holds that key, and the signature schemes each kind of key signs it with.
 */
package dev.tacit.crypto.bulk;
