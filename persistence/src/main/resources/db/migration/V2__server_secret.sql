-- Named server secrets (MAC keys and the like), generated at first use. Only ciphertext is stored:
-- AES-256-GCM under the key-encryption key from the operator's keystore, the name bound as associated data.
CREATE TABLE server_secret (
    name       TEXT        PRIMARY KEY,
    sealed     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
