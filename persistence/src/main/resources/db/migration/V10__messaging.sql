-- Messaging (docs/protocol.md §4.12–§4.19). Four tables, none of which holds anything about a sender: sends are
-- anonymous, so no row names an account that sent, a client address or a sending time apart from the
-- recipient's own received_at.

-- Sealed envelopes waiting in their recipient's mailbox until the recipient acknowledges them or they expire.
-- The id is random (never a sequence, which would count a mailbox's traffic); a first contact carries the handle
-- of the token that paid for it, which its recipient uses to release or report the token.
CREATE TABLE message (
    id           BYTEA       PRIMARY KEY CHECK (octet_length(id) = 16),
    recipient    TEXT        NOT NULL REFERENCES account (number) ON DELETE CASCADE,
    received_at  TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    envelope     BYTEA       NOT NULL,
    token_handle BYTEA       CHECK (octet_length(token_handle) = 16)
);
-- A mailbox is listed in (received_at, id) order, paged by a cursor on that pair.
CREATE INDEX message_by_mailbox ON message (recipient, received_at, id);
CREATE INDEX message_by_expiry ON message (expires_at);

-- First-contact tokens spent on a first message. Identity (key_id, nonce) is the primary key, so of any number of
-- concurrent sends of one token exactly one inserts its row: PostgreSQL decides, never a node's memory.
-- The row lives on after the message is read, through its states:
--   attached   paid for a first contact to recipient; only that account may release or report it (by handle)
--   releasing  its recipient released it for release_due_at, a random later time (executed by a batch job)
--   released   released: recipient and handle forgotten; its holder may exchange it once for a new token
--   refreshed  exchanged; never spendable or exchangeable again
--   burned     reported as spam (or spent on a number without an account): never usable again
-- A row may go once its key stops verifying (key_verifies_until): the token is refused as of an unknown key then.
CREATE TABLE first_contact_token (
    key_id             BYTEA       NOT NULL CHECK (octet_length(key_id) = 32),
    nonce              BYTEA       NOT NULL CHECK (octet_length(nonce) = 32),
    state              TEXT        NOT NULL CHECK (state IN ('attached', 'releasing', 'released', 'refreshed', 'burned')),
    handle             BYTEA       UNIQUE CHECK (octet_length(handle) = 16),
    recipient          TEXT        REFERENCES account (number) ON DELETE SET NULL,
    release_due_at     TIMESTAMPTZ,
    key_verifies_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (key_id, nonce),
    CHECK ((state IN ('attached', 'releasing')) OR (recipient IS NULL AND handle IS NULL)),
    CHECK ((state = 'releasing') = (release_due_at IS NOT NULL))
);
CREATE INDEX first_contact_token_by_recipient ON first_contact_token (recipient) WHERE recipient IS NOT NULL;
CREATE INDEX first_contact_token_due ON first_contact_token (release_due_at) WHERE state = 'releasing';
CREATE INDEX first_contact_token_by_key_expiry ON first_contact_token (key_verifies_until);

-- Group signatures already accepted on replies, by SHA-256 of the signature, so each is accepted once. A row is
-- needed while its signed timestamp is fresh (expires_at); after that the freshness check refuses a replay.
CREATE TABLE reply_signature (
    digest     BYTEA       PRIMARY KEY CHECK (octet_length(digest) = 32),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reply_signature_by_expiry ON reply_signature (expires_at);

-- Spam reports per UTC day, for the operator: a count, linked to no account and no token.
CREATE TABLE spam_report_count (
    day     DATE   PRIMARY KEY,
    reports BIGINT NOT NULL CHECK (reports >= 0)
);
