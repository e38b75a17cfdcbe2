-- The server's rotating signing keys: the token issuer's (purpose 'token-issuer', docs/protocol.md §2.1)
-- and the certificate authority's ('certificate-authority'). Per purpose, one key signs at any time: during
-- [signs_from, signs_until); what it signed is accepted until verifies_until, so rotation strands nothing.
-- public_part is what clients see (an issuer SubjectPublicKeyInfo, a CA certificate); the private key is
-- sealed under the key-encryption key (name purpose || ':' || hex(key_id)).
CREATE TABLE rotating_key (
    key_id              BYTEA       PRIMARY KEY CHECK (octet_length(key_id) = 32),
    purpose             TEXT        NOT NULL,
    public_part         BYTEA       NOT NULL,
    sealed_private_part BYTEA       NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    signs_from          TIMESTAMPTZ NOT NULL,
    signs_until         TIMESTAMPTZ NOT NULL,
    verifies_until      TIMESTAMPTZ NOT NULL,
    CHECK (signs_from < signs_until AND signs_until <= verifies_until)
);
CREATE INDEX rotating_key_by_purpose ON rotating_key (purpose, verifies_until);
