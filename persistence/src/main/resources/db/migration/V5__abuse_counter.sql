-- Abuse counters (docs/protocol.md §4.5, §4.6): how much of each allowance a subject has used in one window,
-- e.g. the codes texted to one number this hour, or the wrong codes tried against one send. The subject is
-- stored only as a keyed hash (HMAC-SHA256 under a server secret, over the allowance's name and the subject),
-- never as a phone number. A table rather than a cache: no volume of other traffic makes it forget a live
-- count. One row per (subject, window); "use one if any is left" is one atomic upsert. A row is needed
-- until its window ends (expires_at); a purge deletes it after.
CREATE TABLE abuse_counter (
    subject      BYTEA       NOT NULL CHECK (octet_length(subject) = 32),
    window_start TIMESTAMPTZ NOT NULL,
    used         INTEGER     NOT NULL CHECK (used >= 0),
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, window_start)
);
CREATE INDEX abuse_counter_by_expiry ON abuse_counter (expires_at);
