package dev.tacit.server.accounts;

/**
 * An account's keys and certificate as stored and published, each in its protocol encoding. Built only from
 * checked, typed values.
 */
public record PublishedKeys(byte[] identityKey, byte[] certificate, byte[] envelopeKey, byte[] preKey, byte[] groupPublicKey) {
}
