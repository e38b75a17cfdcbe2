-- Registered accounts, one per E.164 number. Re-registering a number (a new device) replaces its keys and
-- certificate in place. tokens_issued counts first-contact tokens ever issued to the number: the CHECK makes
-- a sixth impossible whatever the application does.
CREATE TABLE account (
    number           TEXT        PRIMARY KEY CHECK (number ~ '^\+[1-9][0-9]{0,14}$'),
    identity_key     BYTEA       NOT NULL CHECK (octet_length(identity_key) = 32),
    certificate      BYTEA       NOT NULL,
    envelope_key     BYTEA       NOT NULL,
    pre_key          BYTEA       NOT NULL,
    group_public_key BYTEA       NOT NULL,
    tokens_issued    SMALLINT    NOT NULL DEFAULT 0 CHECK (tokens_issued BETWEEN 0 AND 5),
    registered_at    TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Verification tokens already used to register (docs/protocol.md §4), so none registers twice. A row can go
-- once its token has expired, as an expired token is refused anyway.
CREATE TABLE used_verification (
    nonce      BYTEA       PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX used_verification_by_expiry ON used_verification (expires_at);
