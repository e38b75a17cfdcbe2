-- Discovery tokens already spent on a contact look-up (docs/protocol.md §4.11): a token is good once. Only its
-- identity is kept, the issuer key id and the nonce, under a unique key that makes "check and record" one
-- atomic insert under any concurrency. Deliberately nothing else: no account, no time, no client address, so
-- no row links a look-up to the account that obtained its token (the issuance was blind) or to its moment.
-- The key id names a discovery key of rotating_key, whose window says when the row may go: once the key no
-- longer verifies, its tokens are refused anyway.
CREATE TABLE spent_token (
    key_id BYTEA NOT NULL CHECK (octet_length(key_id) = 32),
    nonce  BYTEA NOT NULL CHECK (octet_length(nonce) = 32),
    PRIMARY KEY (key_id, nonce)
);
