-- Request-signature nonces already accepted (docs/protocol.md §5.3 step 8), shared by every server node. A
-- pair (keyid, nonce) is stored as SHA-256(keyid || 0x00 || nonce), so the table holds no phone number; the
-- primary key makes "was it seen? then record it" one atomic insert. A row is needed until its signature
-- stops being fresh (expires_at); a scheduled purge deletes it after.
CREATE TABLE request_nonce (
    pair_digest BYTEA       PRIMARY KEY CHECK (octet_length(pair_digest) = 32),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_nonce_by_expiry ON request_nonce (expires_at);

-- Signed requests per account in fixed windows: the per-account rate limit (docs/protocol.md §5.3). Rows of
-- ended windows are purged.
CREATE TABLE signed_request_window (
    number       TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end   TIMESTAMPTZ NOT NULL,
    requests     INTEGER     NOT NULL CHECK (requests > 0),
    PRIMARY KEY (number, window_start),
    CHECK (window_start < window_end)
);
CREATE INDEX signed_request_window_by_end ON signed_request_window (window_end);
