-- Request-signature nonces already accepted (docs/protocol.md §5.3 step 8), shared by every server node. A
-- pair (keyid, nonce) is stored as SHA-256(keyid || 0x00 || nonce), so the table holds no phone number; the
-- primary key makes "was it seen? then record it" one atomic insert. A row is needed until its signature
-- stops being fresh (expires_at); a scheduled purge deletes it after. The per-account limit on signed
-- requests counts in abuse_counter (V5), like every other limit.
CREATE TABLE request_nonce (
    pair_digest BYTEA       PRIMARY KEY CHECK (octet_length(pair_digest) = 32),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_nonce_by_expiry ON request_nonce (expires_at);
