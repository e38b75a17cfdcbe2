package dev.tacit.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.server.groups.DecoyGroup;
import dev.tacit.server.settings.TacitSettings;

/**
 * The chain of an account's group keys (docs/protocol.md §4.29, §4.30): the account uploads the updates that
 * revoke members it blocked, and its remaining contacts fetch them anonymously to bring their credentials to the
 * current key. Replies are verified under the current key only (§4.12), so a blocked member's signatures fail.
 */
@Stateless
public class GroupKeyService {

    /** 9999-12-31T23:59:59Z: a timestamp is an RFC 3339 instant's seconds. */
    private static final long MAX_TIMESTAMP = 253_402_300_799L;

    @Inject
    AccountStore accounts;

    @Inject
    GroupKeyStore groupKeys;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /** The epoch of the account's current group key (§4.8). */
    public int currentEpoch(String number) {
        return groupKeys.currentEpoch(number).orElseThrow(
                () -> new IllegalStateException("an account without a group key chain"));
    }

    /** Updates one upload carries at most (§4.29). */
    public static final int MAX_UPDATES_PER_REQUEST = 100;

    /**
     * Applies {@code updates}, uploaded by the account {@code number} (§4.29), to its current group key, holding its
     * row locked: checked one after the other, then stored with the keys they lead to, all or nothing.
     *
     * @return the new current epoch and key
     * @throws GroupKeyEpochStaleException   if {@code fromEpoch} is not the current epoch
     * @throws GroupKeyChainFullException    if the chain would hold more than {@code tacit.groups.max-updates}
     * @throws InvalidGroupKeyUpdateException if an update does not decode or does not apply to the key before it
     */
    public GroupKeyChain upload(String number, int fromEpoch, List<byte[]> updates) {
        if (updates.isEmpty() || updates.size() > MAX_UPDATES_PER_REQUEST) {
            throw new InvalidGroupKeyRequestException("updates", "1 to " + MAX_UPDATES_PER_REQUEST + " updates");
        }
        Account account = accounts.lock(number);
        int current = currentEpoch(number);
        if (fromEpoch != current) {
            throw new GroupKeyEpochStaleException(current);
        }
        int maxUpdates = settings.groups().maxUpdates();
        if ((long) groupKeys.updateCount(number) + updates.size() > maxUpdates) {
            throw new GroupKeyChainFullException(maxUpdates);
        }
        GroupPublicKey key;
        try {
            key = GroupPublicKey.fromBytes(account.groupPublicKey());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored group key does not decode", e);
        }
        List<byte[]> keys = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            try {
                key = key.apply(GroupKeyUpdate.fromBytes(updates.get(i)));
            } catch (MalformedEncodingException | dev.tacit.crypto.group.InvalidGroupKeyUpdateException e) {
                throw new InvalidGroupKeyUpdateException(i, e.getMessage());
            }
            keys.add(key.toBytes());
        }
        int epoch = current;
        for (int i = 0; i < updates.size(); i++) {
            groupKeys.append(number, ++epoch, keys.get(i), updates.get(i));
        }
        account.advanceGroupPublicKey(key.toBytes());
        return new GroupKeyChain(epoch, key.toBytes(), List.of());
    }

    /**
     * The updates from {@code groupPublicKey}, a key of the recipient's chain, to its current key, for a request
     * signed by a member of that key's group (§4.30).
     *
     * @throws InvalidGroupKeyRequestException  if a member is malformed
     * @throws GroupKeyUpdatesRefusedException if the timestamp is not fresh, the recipient has no account, the key is
     *                                         not one of its chain's, or the signature does not verify under it: one
     *                                         answer for all, each after a verification
     */
    public GroupKeyChain updatesSince(String recipient, byte[] groupPublicKey, byte[] groupSignature,
                                      long timestampSeconds) {
        PhoneNumber number;
        try {
            number = PhoneNumber.of(recipient);
        } catch (MalformedEncodingException e) {
            throw new InvalidGroupKeyRequestException("recipient", "not an E.164 number");
        }
        GroupSignature signature;
        try {
            signature = GroupSignature.fromBytes(groupSignature);
        } catch (MalformedEncodingException e) {
            throw new InvalidGroupKeyRequestException("groupSignature", e.getMessage());
        }
        if (timestampSeconds < 0 || timestampSeconds > MAX_TIMESTAMP) {
            throw new InvalidGroupKeyRequestException("timestamp", "not a time in seconds since the epoch");
        }
        GroupSignedMessage message = GroupSignedMessage.ofGroupKeyUpdatesRequest(number, groupPublicKey,
                Instant.ofEpochSecond(timestampSeconds));
        Optional<GroupKeyChain> chain = fresh(timestampSeconds) ? groupKeys.chainFrom(number.e164(), groupPublicKey)
                : Optional.empty();
        if (chain.isEmpty()) {
            DecoyGroup.verify(signature, message);
            throw new GroupKeyUpdatesRefusedException();
        }
        try {
            // A past key is verified without tables: the verifier cache holds current keys only.
            GroupSignatureVerifier.withoutTables(GroupPublicKey.fromBytes(groupPublicKey)).verify(signature, message);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored group key does not decode", e);
        } catch (VerificationFailedException e) {
            throw new GroupKeyUpdatesRefusedException();
        }
        return chain.get();
    }

    private boolean fresh(long timestampSeconds) {
        Instant timestamp = Instant.ofEpochSecond(timestampSeconds);
        Instant now = clock.instant();
        Duration freshness = settings.messages().replyFreshness();
        return !timestamp.isBefore(now.minus(freshness)) && !timestamp.isAfter(now.plus(freshness));
    }
}
