package dev.tacit.client.messages;

import java.util.Locale;

/** What became of a spent first-contact token, as the server says (docs/protocol.md §4.17, §4.19). */
public enum TokenState {
    /** Never spent (or its key no longer verifies). */
    UNKNOWN,
    /** Paid for a first contact; the recipient has not released or reported it. */
    ATTACHED,
    /** The recipient released it for a later, random time. */
    RELEASING,
    /** Released: exchange it, once, for a new token ({@link MessagingClient#refresh}). */
    RELEASED,
    /** Exchanged for a new token: discard it. */
    REFRESHED,
    /** Reported as spam (or spent on a number without an account): discard it. */
    BURNED;

    static TokenState of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
