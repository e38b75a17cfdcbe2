-- The server's blind-signing keys for first-contact tokens (docs/protocol.md §2.1). A key blind-signs during
-- [signs_from, signs_until) and its tokens verify until verifies_until, so rotation never strands a token.
-- The private key is PKCS#8, sealed under the key-encryption key (name 'token-issuer-key:' || hex(key_id)).
CREATE TABLE token_issuer_key (
    key_id             BYTEA       PRIMARY KEY CHECK (octet_length(key_id) = 32),
    public_key         BYTEA       NOT NULL,
    sealed_private_key BYTEA       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    signs_from         TIMESTAMPTZ NOT NULL,
    signs_until        TIMESTAMPTZ NOT NULL,
    verifies_until     TIMESTAMPTZ NOT NULL,
    CHECK (signs_from < signs_until AND signs_until <= verifies_until)
);
