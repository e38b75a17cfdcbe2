-- The chain of each account's group public keys (docs/protocol.md §4.29, §4.30): epoch by epoch, the key and the
-- update (BBS04 §7, §2.2.9) that led to it from the key one epoch before, or no update where the chain starts (the
-- registration, or a replacement of the group). The account's current key stays in account.group_public_key and
-- is the row with the highest epoch. A replacement deletes the chain before it, so only the current group's keys
-- are kept; epochs still count on, so an epoch names one key of an account for good.
-- No time is stored: the server learns when an account blocked someone from the upload itself, and keeps nothing
-- that would date it later.
CREATE TABLE group_key (
    account          TEXT    NOT NULL REFERENCES account (number) ON DELETE CASCADE,
    epoch            INTEGER NOT NULL CHECK (epoch >= 0),
    group_public_key BYTEA   NOT NULL CHECK (octet_length(group_public_key) IN (241, 385)),
    group_key_update BYTEA   CHECK (octet_length(group_key_update) = 177),
    PRIMARY KEY (account, epoch)
);
-- A contact catching up names the key its credential is for: found by (account, key).
CREATE UNIQUE INDEX group_key_by_key ON group_key (account, group_public_key);

-- Every account registered before this migration starts its chain at epoch 0 with its current key.
INSERT INTO group_key (account, epoch, group_public_key, group_key_update)
SELECT number, 0, group_public_key, NULL FROM account;
