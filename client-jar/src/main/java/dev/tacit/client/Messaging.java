package dev.tacit.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tacit.client.account.AccountClient;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.messages.TokenSpentException;
import dev.tacit.client.messages.TokenState;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.reputation.ReputationClient;
import dev.tacit.client.state.AccountRecord;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.ContactRecord;
import dev.tacit.client.state.ConversationRecord;
import dev.tacit.client.state.HeldTokenRecord;
import dev.tacit.client.state.MailboxRecord;
import dev.tacit.client.state.SentTokenRecord;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.AnonymousSession;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.UntrustedCertificateException;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The messaging operations of {@link TacitClient} over its state directory: {@link MessagingClient}'s anonymous
 * calls and {@link MailboxClient}'s signed ones, with what each changes in the state saved at the point that keeps
 * it consistent across a crash — a token's move from unspent to sent and a ratchet's step before the request that
 * uses them, a message's conversation before its acknowledgement.
 */
final class Messaging {

    /** The look-up a first contact needs when no key bundle is stored. */
    interface LookUp {
        ContactLookup lookUp(PhoneNumber number) throws TacitClientException;
    }

    private final StateDirectory state;
    private final DirectTransport direct;
    private final AnonymousTransport anonymous;
    private final List<PinnedCaVerifier> pinnedCas;
    private final LookUp lookUp;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration releaseWindow;
    private final MailboxClient.ReleaseTime releaseTime;

    Messaging(StateDirectory state, DirectTransport direct, AnonymousTransport anonymous, List<PinnedCaVerifier> pinnedCas,
              LookUp lookUp, Clock clock, SecureRandom random, Duration releaseWindow,
              MailboxClient.ReleaseTime releaseTime) {
        this.state = state;
        this.direct = direct;
        this.anonymous = anonymous;
        this.pinnedCas = pinnedCas;
        this.lookUp = lookUp;
        this.clock = clock;
        this.random = random;
        this.releaseWindow = releaseWindow;
        this.releaseTime = releaseTime;
    }

    SentMessage firstContact(PhoneNumber to, String text) throws TacitClientException {
        ClientState records = state.state();
        VerifiedKeyBundle bundle = lookUp(to); // always fresh: the pre-key a first contact starts from may have rotated
        ContactRecord contact = contactWith(to, bundle);
        MemberCredential own = nextOwnCredential();
        Token token = records.takeToken(TokenPurpose.FIRST_CONTACT).orElseThrow(OutOfTokensException::new);
        Conversation.Started started = Conversation.start(local(), bundle, own, utf8(text), clock.instant(), random);
        records.putSentToken(new SentTokenRecord(token, TokenState.UNKNOWN));
        state.save(); // the token counts as spent before it leaves this machine
        String id;
        try {
            id = new MessagingClient(anonymous).sendFirstContact(to, started.envelope(), token);
        } catch (ProxyUnreachableException | ServerUnreachableException e) {
            // Not sent, or not known to have arrived: the token goes back; a repeat of a send that did arrive is 409.
            records.removeSentToken(token);
            records.addTokens(TokenPurpose.FIRST_CONTACT, List.of(token));
            state.save();
            throw e;
        } catch (RecipientNotRegisteredException | TokenSpentException e) {
            records.putSentToken(new SentTokenRecord(token, e instanceof TokenSpentException spent ? spent.state()
                    : TokenState.BURNED));
            state.save();
            throw e;
        }
        records.putContact(contact);
        records.putConversation(ConversationRecord.of(started.conversation()));
        state.save();
        return new SentMessage(to, id, true);
    }

    SentMessage reply(PhoneNumber to, String text) throws TacitClientException {
        ClientState records = state.state();
        ConversationRecord stored = records.conversation(to).orElseThrow(() -> new NoSuchContactException(
                "no conversation with " + to.e164() + ": send a first contact"));
        MemberCredential credential = records.contact(to).flatMap(ContactRecord::credential).orElseThrow(() ->
                new NoSuchContactException(to.e164() + " has not handed over a credential yet: replies to them are"
                        + " possible once they have written back"));
        VerifiedKeyBundle bundle = bundle(to);
        Conversation conversation = restore(stored);
        SealedEnvelope envelope;
        try {
            envelope = conversation.send(local(), bundle, utf8(text), clock.instant(), random);
        } catch (dev.tacit.crypto.message.UnexpectedSenderException e) {
            throw new dev.tacit.client.discovery.UntrustedKeyBundleException(to.e164()
                    + "'s keys now belong to another identity than the conversation's");
        }
        records.putConversation(ConversationRecord.of(conversation));
        state.save(); // the ratchet's step is kept whatever happens to the send: no message key is used twice
        String id = new MessagingClient(anonymous).sendReply(to, envelope, credential, clock.instant());
        return new SentMessage(to, id, false);
    }

    boolean canReply(PhoneNumber to) {
        ClientState records = state.state();
        return records.conversation(to).isPresent() && records.contact(to).flatMap(ContactRecord::credential).isPresent();
    }

    Inbox receive() throws TacitClientException {
        ClientState records = state.state();
        MailboxClient mailbox = mailbox();
        List<PendingMessage> pending = mailbox.listAll();
        Set<String> listed = new HashSet<>();
        pending.forEach(message -> listed.add(message.id()));
        // Ids the mailbox no longer lists were acknowledged (or expired) after all: nothing left to do for them.
        MailboxRecord before = records.mailbox().without(records.mailbox().taken().stream()
                .filter(id -> !listed.contains(id)).collect(java.util.stream.Collectors.toSet()));
        Set<String> alreadyTaken = new HashSet<>(before.taken());
        AcceptedInitiations accepted = records.acceptedInitiations();
        List<ReceivedMessage> read = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        int dropped = 0;
        for (PendingMessage message : pending) {
            taken.add(message.id());
            if (alreadyTaken.contains(message.id())) {
                continue;
            }
            Optional<ReceivedMessage> opened = take(message, accepted);
            if (opened.isPresent()) {
                read.add(opened.get());
            } else {
                dropped++;
            }
        }
        if (pending.isEmpty()) {
            if (!before.taken().equals(records.mailbox().taken())) {
                records.setMailbox(before);
                state.save();
            }
            return new Inbox(read, dropped);
        }
        records.setAcceptedInitiations(accepted);
        records.setMailbox(before.with(taken));
        state.save(); // conversations moved on: only now may the server forget the messages
        Set<String> acknowledged = new HashSet<>();
        for (String id : taken) {
            try {
                mailbox.acknowledge(id);
            } catch (ProblemResponseException e) {
                if (e.status() != 404) { // 404: acknowledged before, or expired; done either way
                    throw e;
                }
            }
            acknowledged.add(id);
        }
        records.setMailbox(records.mailbox().without(acknowledged));
        state.save();
        return new Inbox(read, dropped);
    }

    /** Opens one message into its conversation, changing the records in memory; empty if it does not check out. */
    private Optional<ReceivedMessage> take(PendingMessage message, AcceptedInitiations accepted)
            throws TacitClientException {
        ClientState records = state.state();
        OpenedEnvelope opened;
        try {
            opened = open(message);
        } catch (CryptoException e) {
            return Optional.empty();
        }
        PhoneNumber from = opened.sender().phoneNumber();
        try {
            if (message.isFirstContact()) {
                MemberCredential own = nextOwnCredential();
                Conversation.Received received = Conversation.accept(local(), opened, own, accepted, random);
                records.putConversation(ConversationRecord.of(received.conversation()));
                ContactRecord contact = records.contact(from)
                        .filter(known -> known.identityKey().equals(opened.sender().identityKey()))
                        .orElse(new ContactRecord(from, opened.sender().identityKey(), Optional.empty(), Optional.empty()));
                records.putContact(contact.withCredential(received.peerCredential()));
                records.putHeldToken(new HeldTokenRecord(message.tokenHandle().orElseThrow(), from, Optional.empty()));
                return Optional.of(new ReceivedMessage(message.id(), from, message.receivedAt(), text(received.text()),
                        true));
            }
            Optional<ConversationRecord> stored = records.conversation(from);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Conversation conversation = restore(stored.get());
            Conversation.Message received = conversation.receive(opened);
            records.putConversation(ConversationRecord.of(conversation));
            if (received.peerCredential().isPresent()) {
                records.contact(from).ifPresent(contact ->
                        records.putContact(contact.withCredential(received.peerCredential().get())));
            }
            return Optional.of(new ReceivedMessage(message.id(), from, message.receivedAt(), text(received.text()),
                    false));
        } catch (VerificationFailedException | MalformedEncodingException e) {
            return Optional.empty();
        }
    }

    /** Opens against each pinned CA, the current one first: a sender may hold a certificate of an earlier CA. */
    private OpenedEnvelope open(PendingMessage message) throws CryptoException, TacitClientException {
        UntrustedCertificateException untrusted = null;
        for (int i = pinnedCas.size() - 1; i >= 0; i--) {
            try {
                return MailboxClient.open(message, local(), pinnedCas.get(i), clock.instant());
            } catch (UntrustedCertificateException e) {
                untrusted = e;
            }
        }
        throw untrusted != null ? untrusted : new UntrustedCertificateException("no CA is pinned");
    }

    Release release(PhoneNumber from, boolean now) throws TacitClientException {
        HeldTokenRecord held = held(from);
        if (now) {
            return sendRelease(held, MailboxClient.ReleaseTime.NOW);
        }
        Instant at = held.releaseAt().orElse(clock.instant().plus(MailboxClient.randomReleaseDelay(random, releaseWindow)));
        state.state().putHeldToken(held.releasingAt(at));
        state.save();
        return new Release(from, false, at);
    }

    List<Release> sendDueReleases() throws TacitClientException {
        List<Release> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (HeldTokenRecord held : state.state().heldTokens()) {
            if (held.releaseAt().isPresent() && !held.releaseAt().get().isAfter(now)) {
                sent.add(sendRelease(held, releaseTime));
            }
        }
        return sent;
    }

    private Release sendRelease(HeldTokenRecord held, MailboxClient.ReleaseTime at) throws TacitClientException {
        Instant releasesAt;
        try {
            releasesAt = mailbox().release(held.handle(), at);
        } catch (ProblemResponseException e) {
            if (e.status() != 404) {
                throw e;
            }
            releasesAt = clock.instant(); // released or reported before: nothing left to do
        }
        state.state().removeHeldToken(held.handle());
        state.save();
        return new Release(held.sender(), true, releasesAt);
    }

    void reportSpam(PhoneNumber from) throws TacitClientException {
        ClientState records = state.state();
        for (HeldTokenRecord held : records.heldTokens()) {
            if (held.sender().equals(from)) {
                try {
                    mailbox().reportSpam(held.handle());
                } catch (ProblemResponseException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
                records.removeHeldToken(held.handle());
            }
        }
        records.removeIf(ConversationRecord.class, c -> c.peer().equals(from));
        records.removeIf(ContactRecord.class, c -> c.number().equals(from));
        state.save();
    }

    TokenRefresh refreshTokens() throws TacitClientException {
        ClientState records = state.state();
        MessagingClient messaging = new MessagingClient(anonymous);
        List<SentTokenRecord> sent = records.sentTokens();
        int refreshed = 0;
        int gone = 0;
        int waiting = 0;
        int stamps = 0;
        Issuers issuers = null;
        for (SentTokenRecord record : sent) {
            TokenState now = messaging.tokenState(record.token());
            switch (now) {
                case RELEASED -> {
                    if (issuers == null) {
                        issuers = issuers();
                    }
                    MessagingClient.Refreshed fresh = messaging.refresh(record.token(), issuers.firstContactKey(),
                            issuers.server().firstContactChallenge(), issuers.stampIssuer(), random);
                    records.removeSentToken(record.token());
                    records.addTokens(TokenPurpose.FIRST_CONTACT, List.of(fresh.token()));
                    records.addTokens(TokenPurpose.REPUTATION, fresh.stamp().stream().toList());
                    stamps += fresh.stamp().isPresent() ? 1 : 0;
                    refreshed++;
                }
                case REFRESHED, BURNED -> {
                    records.removeSentToken(record.token());
                    gone++;
                }
                default -> {
                    records.putSentToken(new SentTokenRecord(record.token(), now));
                    waiting++;
                }
            }
            state.save();
        }
        if (issuers != null) {
            Reputation.planRedemption(records, issuers.server().stampsPerToken(), clock.instant(), random, releaseWindow);
            state.save();
        }
        return new TokenRefresh(sent.size(), refreshed, gone, waiting, stamps);
    }

    /** The keys and challenges a refresh blinds for. */
    private record Issuers(ServerDescription server, IssuerPublicKey firstContactKey,
                           Optional<MessagingClient.StampIssuer> stampIssuer) {
    }

    /**
     * The server's description, its first-contact key and its stamp key, all public but fetched anonymously too:
     * fetched directly, they would mark this address as a refresher's just before the refresh. A server that
     * publishes no stamp keys refreshes without a stamp.
     */
    private Issuers issuers() throws TacitClientException {
        try (AnonymousSession session = anonymous.open()) {
            ServerDescription server = RegistrationClient.description(session.getJson(RegistrationClient.SERVER_PATH,
                    "application/json"));
            IssuerPublicKey key = RegistrationClient.currentIssuerKey(session.getJson(
                    RegistrationClient.ISSUER_DIRECTORY_PATH, RegistrationClient.ISSUER_DIRECTORY_TYPE), clock.instant());
            Optional<MessagingClient.StampIssuer> stampIssuer;
            try {
                stampIssuer = Optional.of(new MessagingClient.StampIssuer(RegistrationClient.currentIssuerKey(
                        session.getJson(ReputationClient.STAMP_KEYS_PATH, RegistrationClient.ISSUER_DIRECTORY_TYPE),
                        clock.instant()), server.stampChallenge()));
            } catch (ProblemResponseException e) {
                stampIssuer = Optional.empty();
            }
            return new Issuers(server, key, stampIssuer);
        }
    }

    /**
     * Publishes a new ratchet pre-key (§4.9) and forgets the first contacts accepted under the old one. The new key
     * is saved before it is published: a crash in between leaves a state whose key the server does not have yet,
     * which {@link TacitClient#status()} shows (keys do not match) and another rotation repairs.
     */
    void rotateKeys() throws TacitClientException {
        ClientState records = state.state();
        AccountRecord account = account();
        AccountRecord rotated = account.withPreKey(account.preKeyId() + 1, AgreementKeyPair.generate(random));
        records.setAccount(rotated);
        records.setAcceptedInitiations(new AcceptedInitiations());
        state.save();
        new AccountClient(direct, rotated.number(), rotated.identity(), clock, random).replacePreKey(rotated.signedPreKey());
    }

    private HeldTokenRecord held(PhoneNumber from) throws NoSuchContactException {
        return state.state().heldTokens().stream().filter(h -> h.sender().equals(from)).findFirst()
                .orElseThrow(() -> new NoSuchContactException("no first contact from " + from.e164()
                        + " awaits a release or a spam report"));
    }

    /**
     * {@code to}'s key bundle for a reply, which needs only its envelope key: the stored one if it still verifies
     * against a pinned CA, else looked up and stored.
     */
    private VerifiedKeyBundle bundle(PhoneNumber to) throws TacitClientException {
        Optional<KeyBundle> stored = state.state().contact(to).flatMap(ContactRecord::bundle);
        if (stored.isPresent()) {
            Optional<VerifiedKeyBundle> verified = verify(stored.get());
            if (verified.isPresent()) {
                return verified.get();
            }
        }
        VerifiedKeyBundle bundle = lookUp(to);
        state.state().contact(to).ifPresent(contact -> state.state().putContact(contact.withBundle(bundle.bundle())));
        state.save();
        return bundle;
    }

    /** {@code to}'s key bundle, looked up anonymously (a discovery token) and verified against the pinned CA. */
    private VerifiedKeyBundle lookUp(PhoneNumber to) throws TacitClientException {
        ContactLookup found = lookUp.lookUp(to);
        if (!(found instanceof ContactLookup.Registered registered)) {
            throw new RecipientNotRegisteredException(to);
        }
        return registered.keyBundle();
    }

    private ContactRecord contactWith(PhoneNumber to, VerifiedKeyBundle bundle) {
        Optional<ContactRecord> known = state.state().contact(to)
                .filter(contact -> contact.identityKey().equals(bundle.identity().identityKey()));
        return known.map(contact -> contact.withBundle(bundle.bundle()))
                .orElse(new ContactRecord(to, bundle.identity().identityKey(), Optional.of(bundle.bundle()),
                        Optional.empty()));
    }

    private Optional<VerifiedKeyBundle> verify(KeyBundle bundle) {
        for (int i = pinnedCas.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(bundle.verify(pinnedCas.get(i), clock.instant()));
            } catch (VerificationFailedException e) {
                // the next CA, or a new look-up
            }
        }
        return Optional.empty();
    }

    /** The next member credential of the account's own group, the group grown when all are handed out. */
    private MemberCredential nextOwnCredential() throws TacitClientException {
        ClientState records = state.state();
        AccountRecord account = account();
        int index = records.nextMember();
        GroupManagerKey group = account.group();
        if (index >= group.memberCount()) {
            group = group.withMemberCount(Math.min(GroupManagerKey.MAX_MEMBERS, group.memberCount() * 2));
            records.setAccount(account.withGroup(group));
        }
        records.setNextMember(index + 1);
        return group.mintMember(index);
    }

    private MailboxClient mailbox() throws TacitClientException {
        AccountRecord account = account();
        return new MailboxClient(direct, account.number(), account.identity(), clock, random);
    }

    private LocalAccount local() throws TacitClientException {
        try {
            return account().localAccount();
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("the stored account's certificate is not for its key", e);
        }
    }

    private AccountRecord account() throws NotRegisteredException {
        return state.state().account().orElseThrow(
                () -> new NotRegisteredException("this state holds no account: register first"));
    }

    private Conversation restore(ConversationRecord stored) {
        try {
            return stored.conversation(random);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("checked when the state was read", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
