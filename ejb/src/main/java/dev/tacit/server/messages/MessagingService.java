package dev.tacit.server.messages;

import java.security.SecureRandom;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.server.accounts.Account;
import dev.tacit.server.accounts.AccountStore;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.wakeup.WakeUps;

/**
 * Anonymous sending into mailboxes and the mailbox owner's reading (docs/protocol.md §4.12, §4.13): a message is
 * committed to its recipient's mailbox in the same transaction that spends what paid for it. Nothing about a
 * sender is stored or logged: a send carries no account, and the server keeps no client address.
 */
@Stateless
public class MessagingService {

    /** The most messages one mailbox page holds. */
    public static final int MAX_PAGE = 100;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 9999-12-31T23:59:59Z: a reply timestamp is an RFC 3339 instant's seconds. */
    private static final long MAX_TIMESTAMP = 253_402_300_799L;

    @Inject
    MessageStore messages;

    @Inject
    FirstContactTokenStore tokens;

    @Inject
    FirstContactTokenCheck tokenCheck;

    @Inject
    AccountStore accounts;

    @Inject
    ReplyVerifier replyVerifier;

    @Inject
    ReplySignatureStore replySignatures;

    @Inject
    TacitSettings settings;

    @Inject
    WakeUps wakeUps;

    @Inject
    Clock clock;

    /**
     * A first contact paid with a first-contact token: the token is attached to the recipient and the message
     * stored in one transaction.
     *
     * @throws MessageTooLargeException     if the envelope is longer than the largest padded size
     * @throws InvalidMessageRequestException if the recipient or the envelope is malformed
     * @throws InvalidTokenException        if the token is not an authentic first-contact token of a current key
     * @throws TokenSpentException          if the token was spent before
     * @throws UnknownRecipientException    if the recipient has no account; the token is spent all the same
     */
    public MessageId sendFirstContact(String recipient, byte[] envelope, byte[] token) {
        PhoneNumber number = recipientNumber(recipient);
        sealedEnvelope(envelope);
        FirstContactTokenCheck.CheckedToken checked = tokenCheck.check(token);
        if (accounts.identityKeyEncoding(number.e164()).isEmpty()) {
            if (!tokens.burnUnattached(checked.id(), checked.keyVerifiesUntil())) {
                throw new TokenSpentException(tokens.state(checked.id()));
            }
            throw new UnknownRecipientException();
        }
        TokenHandle handle = TokenHandle.random(RANDOM);
        if (!tokens.attach(checked.id(), number.e164(), handle, checked.keyVerifiesUntil())) {
            throw new TokenSpentException(tokens.state(checked.id()));
        }
        return store(number, envelope, handle);
    }

    /**
     * A reply signed by a member of the recipient's group (§2.2.4): the timestamp must be within the freshness
     * window of the server's clock, the signature must verify under the recipient's current group public key,
     * and the signed message is accepted once (a replay record in PostgreSQL, kept while the timestamp is fresh).
     *
     * @throws MessageTooLargeException       if the envelope is longer than the largest padded size
     * @throws InvalidMessageRequestException if the recipient, envelope, signature or timestamp is malformed
     * @throws InvalidReplySignatureException if the timestamp is stale, the recipient has no account, or the
     *                                        signature does not verify
     * @throws ReplyReplayedException         if the same signed reply was accepted before
     */
    public MessageId sendReply(String recipient, byte[] envelope, byte[] groupSignature, long timestampSeconds) {
        PhoneNumber number = recipientNumber(recipient);
        SealedEnvelope sealed = sealedEnvelope(envelope);
        GroupSignature signature;
        try {
            signature = GroupSignature.fromBytes(groupSignature);
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException("groupSignature", e.getMessage());
        }
        if (timestampSeconds < 0 || timestampSeconds > MAX_TIMESTAMP) {
            throw new InvalidMessageRequestException("timestamp", "not a time in seconds since the epoch");
        }
        Instant timestamp = Instant.ofEpochSecond(timestampSeconds);
        Instant now = clock.instant();
        Duration freshness = settings.messages().replyFreshness();
        if (timestamp.isBefore(now.minus(freshness)) || timestamp.isAfter(now.plus(freshness))) {
            throw new InvalidReplySignatureException("the timestamp is more than " + freshness.toSeconds()
                    + " s from the server's clock");
        }
        GroupSignedMessage message = GroupSignedMessage.of(number, sealed, timestamp);
        Optional<byte[]> groupKey = accounts.find(number.e164()).map(Account::groupPublicKey);
        if (groupKey.isEmpty()) {
            replyVerifier.refuseUnknownRecipient(signature, message);
        }
        replyVerifier.verify(groupKey.get(), signature, message);
        if (!replySignatures.record(sha256(message.encode()), timestamp.plus(freshness))) {
            throw new ReplyReplayedException();
        }
        return store(number, envelope, null);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Stores a message whose payment was settled in this transaction, and wakes the recipient's streams when it
     * commits; returns its new random id.
     */
    MessageId store(PhoneNumber recipient, byte[] envelope, TokenHandle handle) {
        MessageId id = MessageId.random(RANDOM);
        Instant now = clock.instant();
        messages.insert(id, recipient.e164(), now, now.plus(settings.messages().retention()), envelope, handle);
        wakeUps.atCommit(recipient.e164());
        return id;
    }

    /** Up to {@code limit} (1 to {@link #MAX_PAGE}) pending messages of {@code account}, after {@code after}. */
    public MailboxPage mailbox(String account, Optional<MailboxCursor> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidMessageRequestException("limit", "a page holds 1 to " + MAX_PAGE + " messages");
        }
        List<StoredMessage> page = messages.page(account, after, clock.instant(), limit);
        Optional<MailboxCursor> next = page.size() < limit ? Optional.empty()
                : Optional.of(page.get(page.size() - 1).cursor());
        return new MailboxPage(page, next);
    }

    /**
     * Deletes a message the account's client has stored.
     *
     * @throws UnknownMessageException if the mailbox holds no such message
     */
    public void acknowledge(String account, MessageId id) {
        if (!messages.delete(account, id)) {
            throw new UnknownMessageException();
        }
    }

    static PhoneNumber recipientNumber(String recipient) {
        try {
            return PhoneNumber.of(recipient);
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException("recipient", "not an E.164 number");
        }
    }

    /** Checks the envelope's length against the padding buckets, then its framing; no cryptography. */
    static SealedEnvelope sealedEnvelope(byte[] envelope) {
        if (envelope.length > SealedEnvelope.MAX_LENGTH) {
            throw new MessageTooLargeException(envelope.length);
        }
        try {
            return SealedEnvelope.fromBytes(envelope);
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException("envelope", e.getMessage());
        }
    }
}
