-- Reputation stamps (docs/protocol.md §4.24) are spent once, like discovery tokens: the same table of spent
-- identities, told apart by kind. A stamp's row holds its issuer key id and nonce, nothing else: no account, no
-- time, no address, so no row links a redemption's stamps to the refreshes that earned them or to each other.
-- The key id names a stamp key of rotating_key; once it no longer verifies its stamps are refused anyway and the
-- row may go.
ALTER TABLE spent_token ADD COLUMN kind TEXT NOT NULL DEFAULT 'discovery' CHECK (kind IN ('discovery', 'stamp'));
