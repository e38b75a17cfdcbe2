package dev.tacit.server.messages;

import java.util.Locale;

/**
 * Where a first-contact token is in its life (docs/protocol.md §4.19); {@link #UNKNOWN} is a token never spent
 * (or whose key no longer verifies).
 */
public enum TokenState {
    /** Paid for a first contact; its recipient has not released or reported it. */
    ATTACHED,
    /** Its recipient released it for a later, random time. */
    RELEASING,
    /** Released: its holder may exchange it once for a new token. */
    RELEASED,
    /** Exchanged for a new token: never usable again. */
    REFRESHED,
    /** Reported as spam, or spent on a number without an account: never usable again. */
    BURNED,
    /** Never spent here. */
    UNKNOWN;

    /** The name the database and the API use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TokenState ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
