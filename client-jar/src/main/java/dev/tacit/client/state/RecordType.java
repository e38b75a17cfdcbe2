package dev.tacit.client.state;

import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The kinds of record a state file holds, each with its type id (fixed forever: a state file names them) and
 * its decoder. A new kind is a new constant with a new id.
 */
public enum RecordType {

    /** The server this state belongs to ({@link ServerRecord}); one. */
    SERVER(1, ServerRecord::decode),
    /** The account's keys and certificate ({@link AccountRecord}); one, once registered. */
    ACCOUNT(2, AccountRecord::decode),
    /** A pinned CA certificate of the server ({@link PinnedCaRecord}); one per CA. */
    PINNED_CA(3, PinnedCaRecord::decode),
    /** An unspent token ({@link TokenRecord}); one per token. */
    TOKEN(4, TokenRecord::decode),
    /** A verification code texted and not yet confirmed ({@link PendingCodeRecord}); at most one. */
    PENDING_CODE(5, PendingCodeRecord::decode),
    /** A contact and the member credential they handed over ({@link ContactRecord}); one per contact. */
    CONTACT(6, ContactRecord::decode),
    /** A conversation's ratchet session ({@link ConversationRecord}); one per peer. */
    CONVERSATION(7, ConversationRecord::decode),
    /** The window of the discovery tokens held, and whether its allowance is spent ({@link DiscoveryAllowanceRecord}); at most one. */
    DISCOVERY_ALLOWANCE(8, DiscoveryAllowanceRecord::decode),
    /** A first-contact token spent and not yet back or gone ({@link SentTokenRecord}); one per token. */
    SENT_TOKEN(9, SentTokenRecord::decode),
    /** A received first contact's token handle, and its planned release ({@link HeldTokenRecord}); one per handle. */
    HELD_TOKEN(10, HeldTokenRecord::decode),
    /** The mailbox's messages taken and not yet acknowledged ({@link MailboxRecord}); at most one. */
    MAILBOX(11, MailboxRecord::decode),
    /** The first contacts accepted under the current pre-key ({@link AcceptedInitiationsRecord}); at most one. */
    ACCEPTED_INITIATIONS(12, AcceptedInitiationsRecord::decode),
    /** How many own member credentials were handed out ({@link HandedOutRecord}); at most one. */
    HANDED_OUT(13, HandedOutRecord::decode),
    /** When the reputation stamps held are to be redeemed ({@link PlannedRedemptionRecord}); at most one. */
    PLANNED_REDEMPTION(14, PlannedRedemptionRecord::decode);

    /** Decodes a record's payload strictly. */
    @FunctionalInterface
    interface Decoder {
        StateRecord decode(byte[] payload) throws MalformedEncodingException;
    }

    private final int id;
    private final Decoder decoder;

    RecordType(int id, Decoder decoder) {
        this.id = id;
        this.decoder = decoder;
    }

    public int id() {
        return id;
    }

    /** The type with {@code id}, if this client knows it. */
    public static Optional<RecordType> of(int id) {
        for (RecordType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Decodes a payload of type {@code id}: a known type's record, or an {@link UnknownRecord}. */
    static StateRecord decode(int id, byte[] payload) throws MalformedEncodingException {
        Optional<RecordType> type = of(id);
        return type.isPresent() ? type.get().decoder.decode(payload) : new UnknownRecord(id, payload);
    }
}
