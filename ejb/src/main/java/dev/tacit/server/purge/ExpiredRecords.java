package dev.tacit.server.purge;

/**
 * The kinds of record the server keeps only while a check needs them, each with the condition under which it no
 * longer does at {@code ?1}, the job's time (README, "What is kept and for how long"). The purge jobs in the
 * {@code batch} module delete them: {@code purge-expired-records} a step per kind, {@code expire-discovery-tokens}
 * the spent discovery tokens.
 */
public enum ExpiredRecords {

    /** Messages their recipient never acknowledged, past the retention. */
    UNDELIVERED_MESSAGES("message", "expires_at < ?1"),

    /** Reply-signature replay records whose signed timestamp is no longer fresh: the freshness check refuses a replay. */
    REPLY_SIGNATURES("reply_signature", "expires_at < ?1"),

    /** Used verification tokens past their expiry: an expired token is refused anyway. */
    USED_VERIFICATION_TOKENS("used_verification", "expires_at < ?1"),

    /** Spent first-contact tokens whose issuer key no longer verifies, whatever their state: refused as of an unknown key. */
    FIRST_CONTACT_TOKENS("first_contact_token", "key_verifies_until < ?1"),

    /** Request-signature nonces whose signature is no longer fresh: the freshness check refuses a replay. */
    REQUEST_NONCES("request_nonce", "expires_at < ?1"),

    /** Abuse counters of ended windows: their subjects start afresh in the next window anyway. */
    ABUSE_COUNTERS("abuse_counter", "expires_at <= ?1"),

    /**
     * Spent discovery tokens and reputation stamps whose key no longer verifies (a discovery window's key, a stamp
     * key at the end of its verification period): a replay is refused by its key.
     */
    SPENT_DISCOVERY_TOKENS("spent_token",
            "key_id IN (SELECT key_id FROM {h-schema}rotating_key WHERE verifies_until <= ?1)");

    private final String table;
    private final String expiredAt;

    ExpiredRecords(String table, String expiredAt) {
        this.table = table;
        this.expiredAt = expiredAt;
    }

    String table() {
        return table;
    }

    /** The SQL condition, on the table's columns, under which a record is no longer needed at {@code ?1}. */
    String expiredAt() {
        return expiredAt;
    }
}
