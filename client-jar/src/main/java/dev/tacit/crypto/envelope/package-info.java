/**
 * Sealed envelopes: every message the server carries, HPKE-sealed to the recipient's envelope key under a fresh
 * ephemeral key and padded to a size bucket, with the sender's certificate and signature inside.
 */
package dev.tacit.crypto.envelope;
