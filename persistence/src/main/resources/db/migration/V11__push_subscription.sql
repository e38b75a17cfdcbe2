-- Web Push subscriptions (docs/protocol.md §4.21): where an account's mobile clients are woken, with no content,
-- when a message reaches its mailbox. The endpoint is the push service's URL for one client installation; the
-- id is random, what the account deletes it by. A push service's 404 or 410 deletes the row (RFC 8030 §7.3).
CREATE TABLE push_subscription (
    id         BYTEA       PRIMARY KEY CHECK (octet_length(id) = 16),
    account    TEXT        NOT NULL REFERENCES account (number) ON DELETE CASCADE,
    endpoint   TEXT        NOT NULL CHECK (length(endpoint) <= 1024),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (account, endpoint)
);
