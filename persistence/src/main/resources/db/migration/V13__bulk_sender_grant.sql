-- Bulk-sender grants (docs/protocol.md §4.27, §6.3): an account proved it holds the key of a certificate that
-- chains to one of the operator's trust anchors with the required policy, and may obtain first-contact tokens
-- from the larger allowance until the certificate expires (not_after) or the operator revokes the grant.
-- A new proof by the account replaces its unrevoked grant; a revoked row stays, as the record that bars its
-- certificate (certificate_sha256, the SHA-256 of the leaf's DER) from proving again, for any account.
-- What the server learns: which accounts are bulk senders, through which certificate (subject and issuer as
-- the certificate names them); the allowance's counts are in abuse_counter under a keyed hash, as the others.
CREATE TABLE bulk_sender_grant (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account            TEXT        NOT NULL REFERENCES account (number) ON DELETE CASCADE,
    certificate_sha256 BYTEA       NOT NULL CHECK (octet_length(certificate_sha256) = 32),
    subject            TEXT        NOT NULL CHECK (length(subject) <= 1024),
    issuer             TEXT        NOT NULL CHECK (length(issuer) <= 1024),
    not_after          TIMESTAMPTZ NOT NULL,
    granted_at         TIMESTAMPTZ NOT NULL,
    revoked_at         TIMESTAMPTZ,
    CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
-- At most one grant in force per account, whatever concurrent proofs do.
CREATE UNIQUE INDEX bulk_sender_grant_in_force ON bulk_sender_grant (account) WHERE revoked_at IS NULL;
CREATE INDEX bulk_sender_grant_by_account ON bulk_sender_grant (account, granted_at);
CREATE INDEX bulk_sender_grant_by_certificate ON bulk_sender_grant (certificate_sha256) WHERE revoked_at IS NOT NULL;
