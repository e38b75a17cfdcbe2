/**
 * The client's local state: one directory ({@link dev.tacit.client.state.StateDirectory}) holding one file
 * encrypted under a passphrase (Argon2id, AES-256-GCM), written atomically, made of typed records
 * ({@link dev.tacit.client.state.RecordType}) that later features extend without changing the format.
 */
package dev.tacit.client.state;
