-- The registration lock (docs/protocol.md §4.7): an account is locked against re-registration without its
-- identity key while it was active in the last lock period. Activity is recorded at most once a day.
ALTER TABLE account ADD COLUMN last_active_at TIMESTAMPTZ;
UPDATE account SET last_active_at = updated_at;
ALTER TABLE account ALTER COLUMN last_active_at SET NOT NULL;
