package dev.tacit.client.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import dev.tacit.client.registration.SentCode;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The client's state as records in memory: read from a {@link StateDirectory}, changed here, written back by
 * {@link StateDirectory#save()}. The typed methods cover the records this library writes; {@link #all},
 * {@link #add} and {@link #removeIf} serve any record type, so a new kind of record needs no change here.
 * Not thread-safe.
 */
public final class ClientState {

    private final List<StateRecord> records;

    ClientState(List<StateRecord> records) {
        this.records = new ArrayList<>(records);
    }

    /** Every record, in order, those of types this client does not know included. */
    public List<StateRecord> records() {
        return List.copyOf(records);
    }

    /** The records of one class, in order. */
    public <R extends StateRecord> List<R> all(Class<R> type) {
        List<R> found = new ArrayList<>();
        for (StateRecord record : records) {
            if (type.isInstance(record)) {
                found.add(type.cast(record));
            }
        }
        return found;
    }

    /** The record of a class there is at most one of. */
    public <R extends StateRecord> Optional<R> one(Class<R> type) {
        List<R> found = all(type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public void add(StateRecord record) {
        records.add(Objects.requireNonNull(record));
    }

    /** Removes the records of {@code type} that {@code filter} matches; returns how many. */
    public <R extends StateRecord> int removeIf(Class<R> type, Predicate<? super R> filter) {
        int removed = 0;
        for (Iterator<StateRecord> it = records.iterator(); it.hasNext(); ) {
            StateRecord record = it.next();
            if (type.isInstance(record) && filter.test(type.cast(record))) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** Replaces every record of {@code type} with {@code record} (none, if it is null). */
    public <R extends StateRecord> void replace(Class<R> type, R record) {
        removeIf(type, r -> true);
        if (record != null) {
            add(record);
        }
    }

    public Optional<ServerRecord> server() {
        return one(ServerRecord.class);
    }

    public void setServer(ServerRecord server) {
        replace(ServerRecord.class, server);
    }

    public Optional<AccountRecord> account() {
        return one(AccountRecord.class);
    }

    public void setAccount(AccountRecord account) {
        replace(AccountRecord.class, account);
    }

    /** The server's CA certificates pinned at registration. */
    public List<CaCertificate> pinnedCas() {
        return all(PinnedCaRecord.class).stream().map(PinnedCaRecord::certificate).toList();
    }

    public void setPinnedCas(List<CaCertificate> certificates) {
        removeIf(PinnedCaRecord.class, r -> true);
        certificates.forEach(certificate -> add(new PinnedCaRecord(certificate)));
    }

    /** The unspent tokens for {@code purpose}, oldest first. */
    public List<Token> tokens(TokenPurpose purpose) {
        return all(TokenRecord.class).stream().filter(r -> r.purpose() == purpose).map(TokenRecord::token).toList();
    }

    public void addTokens(TokenPurpose purpose, List<Token> tokens) {
        tokens.forEach(token -> add(new TokenRecord(purpose, token)));
    }

    /**
     * Takes the oldest unspent token for {@code purpose} out of the state. Save the state before sending the
     * request that spends it, so that a token is never sent twice.
     */
    public Optional<Token> takeToken(TokenPurpose purpose) {
        for (TokenRecord record : all(TokenRecord.class)) {
            if (record.purpose() == purpose) {
                records.remove(record);
                return Optional.of(record.token());
            }
        }
        return Optional.empty();
    }

    /** The window of the discovery tokens held and whether its allowance is spent, if tokens were ever fetched. */
    public Optional<DiscoveryAllowanceRecord> discoveryAllowance() {
        return one(DiscoveryAllowanceRecord.class);
    }

    public void setDiscoveryAllowance(DiscoveryAllowanceRecord allowance) {
        replace(DiscoveryAllowanceRecord.class, allowance);
    }

    /** The verification code texted and not yet confirmed, if any. */
    public Optional<SentCode> pendingCode() {
        return one(PendingCodeRecord.class).map(PendingCodeRecord::sent);
    }

    /** Records the code texted, or forgets it ({@code null}) once confirmed. */
    public void setPendingCode(SentCode sent) {
        replace(PendingCodeRecord.class, sent == null ? null : new PendingCodeRecord(sent));
    }

    public Optional<ContactRecord> contact(PhoneNumber number) {
        return all(ContactRecord.class).stream().filter(c -> c.number().equals(number)).findFirst();
    }

    public void putContact(ContactRecord contact) {
        removeIf(ContactRecord.class, c -> c.number().equals(contact.number()));
        add(contact);
    }

    public Optional<ConversationRecord> conversation(PhoneNumber peer) {
        return all(ConversationRecord.class).stream().filter(c -> c.peer().equals(peer)).findFirst();
    }

    public void putConversation(ConversationRecord conversation) {
        removeIf(ConversationRecord.class, c -> c.peer().equals(conversation.peer()));
        add(conversation);
    }

    /** The first-contact tokens spent and not yet back or gone, oldest first. */
    public List<SentTokenRecord> sentTokens() {
        return all(SentTokenRecord.class);
    }

    /** Records a spent token, or its newly learnt state. */
    public void putSentToken(SentTokenRecord sent) {
        removeSentToken(sent.token());
        add(sent);
    }

    public void removeSentToken(Token token) {
        removeIf(SentTokenRecord.class, r -> r.token().equals(token));
    }

    /** The received first contacts whose token this account has neither released nor reported, oldest first. */
    public List<HeldTokenRecord> heldTokens() {
        return all(HeldTokenRecord.class);
    }

    /** Records a received first contact's handle, or its planned release. */
    public void putHeldToken(HeldTokenRecord held) {
        removeHeldToken(held.handle());
        add(held);
    }

    public void removeHeldToken(String handle) {
        removeIf(HeldTokenRecord.class, r -> r.handle().equals(handle));
    }

    /** The mailbox's messages taken and not yet acknowledged; none if never read. */
    public MailboxRecord mailbox() {
        return one(MailboxRecord.class).orElse(MailboxRecord.empty());
    }

    public void setMailbox(MailboxRecord mailbox) {
        replace(MailboxRecord.class, mailbox);
    }

    /** The first contacts accepted under the current pre-key; none if never any. */
    public AcceptedInitiations acceptedInitiations() {
        return one(AcceptedInitiationsRecord.class).map(AcceptedInitiationsRecord::accepted)
                .orElseGet(AcceptedInitiations::new);
    }

    public void setAcceptedInitiations(AcceptedInitiations accepted) {
        replace(AcceptedInitiationsRecord.class, AcceptedInitiationsRecord.of(accepted));
    }

    /** The index of the next own member credential to hand to a contact. */
    public int nextMember() {
        return one(HandedOutRecord.class).map(HandedOutRecord::next).orElse(0);
    }

    public void setNextMember(int next) {
        replace(HandedOutRecord.class, new HandedOutRecord(next));
    }

    /** When the stamps held are to be redeemed, if a redemption is planned (§4.24). */
    public Optional<Instant> plannedRedemption() {
        return one(PlannedRedemptionRecord.class).map(PlannedRedemptionRecord::redeemAt);
    }

    /** Plans the stamps' redemption for {@code at}, or none with {@code null}. */
    public void setPlannedRedemption(Instant at) {
        replace(PlannedRedemptionRecord.class, at == null ? null : new PlannedRedemptionRecord(at));
    }

    @Override
    public String toString() {
        return "ClientState[" + records.size() + " records]";
    }
}
