package dev.tacit.server.groups;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.time.TimeWindow;

/**
 * Verifies the group signatures of replies (protocol §2.2.6), keeping per-group state in bounded memory so
 * that a reply costs about three pairings whatever other traffic does.
 *
 * <p>A reply to a group not seen recently is verified without per-group tables
 * ({@link GroupSignatureVerifier#withoutTables}): nothing is built for it, so replies sprayed at many
 * accounts cost each no more than that one verification (plus decoding the group's key once). A group that
 * has received {@code promotion-replies} valid replies within one {@code promotion-period} is promoted: its
 * fixed-base tables are built on {@code tableBuilder}, while its replies go on being verified without them,
 * and later replies use them. Building never holds the lock, so it never blocks the verification of any
 * group. Only valid signatures count: forgeries never make the server build anything.
 *
 * <p>Both maps are evicting (least recently used) caches of performance state only: losing an entry costs
 * time, never a wrong answer, since either verifier accepts exactly the same signatures. That is why they may
 * evict, unlike counters that enforce limits. Entries are keyed by the group public key's encoding, so a
 * replaced group key is a different entry and the old one ages out.
 *
 * <p>Thread-safe; one instance per application (for example produced {@code @ApplicationScoped} with the
 * container's managed executor as {@code tableBuilder}).
 */
public final class GroupVerifiers {

    /**
     * Groups whose decoded public key and count of valid replies are kept: about 1.5 KB each, so 6 MB at most.
     * A busy group evicted by more than this many other groups' valid replies starts counting again, which
     * only delays its tables.
     */
    static final int RECENT_GROUPS = 4096;

    private final int maxRecent;
    private final int maxWithTables;
    private final int promotionReplies;
    private final Duration promotionPeriod;
    private final Clock clock;
    private final Executor tableBuilder;

    // Both guarded by this lock; held only for map operations, never during arithmetic.
    private final Object lock = new Object();
    private final Map<ByteBuffer, RecentGroup> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, RecentGroup> eldest) {
            return size() > maxRecent;
        }
    };
    private final Map<ByteBuffer, GroupSignatureVerifier> withTables = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, GroupSignatureVerifier> eldest) {
            return size() > maxWithTables;
        }
    };

    /** A group verified without tables: its decoded key and its valid replies in the current period. */
    private static final class RecentGroup {
        final GroupSignatureVerifier withoutTables;
        long period;
        int validReplies;
        boolean building;

        RecentGroup(GroupPublicKey key) {
            this.withoutTables = GroupSignatureVerifier.withoutTables(key);
        }
    }

    /**
     * @param tableBuilder runs the table builds; a managed executor in the server, so that the reply that
     *                     promotes its group does not wait for them
     */
    public GroupVerifiers(TacitSettings.GroupVerifiers settings, Clock clock, Executor tableBuilder) {
        this(settings, clock, tableBuilder, RECENT_GROUPS);
    }

    /** With another bound on the recent groups, so that tests can reach it. */
    GroupVerifiers(TacitSettings.GroupVerifiers settings, Clock clock, Executor tableBuilder, int recentGroups) {
        this.maxRecent = recentGroups;
        this.maxWithTables = settings.withTables();
        this.promotionReplies = settings.promotionReplies();
        this.promotionPeriod = settings.promotionPeriod();
        this.clock = clock;
        this.tableBuilder = tableBuilder;
    }

    /**
     * Checks that {@code signature} was made on {@code message} by a member of the group with this public key.
     *
     * @param groupPublicKey the encoded group public key, as the account stores it (decoded and checked when it
     *                       was uploaded)
     * @throws VerificationFailedException if it was not
     * @throws IllegalArgumentException    if {@code groupPublicKey} does not decode: the server stores only
     *                                     keys that did, so this is a fault of the server, not of the reply
     */
    public void verify(byte[] groupPublicKey, GroupSignature signature, GroupSignedMessage message)
            throws VerificationFailedException {
        ByteBuffer id = ByteBuffer.wrap(groupPublicKey.clone());
        GroupSignatureVerifier warm;
        RecentGroup group;
        synchronized (lock) {
            warm = withTables.get(id);
            group = warm == null ? recent.get(id) : null;
        }
        if (warm != null) {
            warm.verify(signature, message);
            return;
        }
        boolean known = group != null;
        if (!known) {
            group = new RecentGroup(decode(groupPublicKey));
        }
        group.withoutTables.verify(signature, message);
        RecentGroup promoted = countValidReply(id, group, known);
        if (promoted != null) {
            buildTables(id, promoted);
        }
    }

    /** Whether replies to this group are verified with its tables now. */
    public boolean hasTables(byte[] groupPublicKey) {
        synchronized (lock) {
            return withTables.containsKey(ByteBuffer.wrap(groupPublicKey.clone()));
        }
    }

    /** How many groups have tables now; at most {@code tacit.group-verifiers.with-tables}. */
    public int groupsWithTables() {
        synchronized (lock) {
            return withTables.size();
        }
    }

    /** Counts a valid reply; returns the group if this reply promotes it (the caller builds its tables). */
    private RecentGroup countValidReply(ByteBuffer id, RecentGroup verified, boolean known) {
        RecentGroup group = verified;
        long period = TimeWindow.containing(clock.instant(), promotionPeriod).counter();
        synchronized (lock) {
            if (!known) {
                // Only a group with a valid reply takes a place, so forgeries cannot push busy groups out.
                RecentGroup existing = recent.putIfAbsent(id, group);
                if (existing != null) {
                    group = existing;
                }
            }
            if (group.period != period) {
                group.period = period;
                group.validReplies = 0;
            }
            group.validReplies++;
            if (group.validReplies < promotionReplies || group.building || withTables.containsKey(id)) {
                return null;
            }
            // Once its tables are evicted, a group earns them again with a full period's count.
            group.validReplies = 0;
            group.building = true;
            return group;
        }
    }

    private void buildTables(ByteBuffer id, RecentGroup group) {
        try {
            tableBuilder.execute(() -> {
                GroupSignatureVerifier built = null;
                try {
                    built = GroupSignatureVerifier.withTables(group.withoutTables.groupPublicKey());
                } finally {
                    synchronized (lock) {
                        if (built != null) {
                            withTables.put(id, built);
                        }
                        group.building = false;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // The server is shutting down or saturated: this group stays without tables for now.
            synchronized (lock) {
                group.building = false;
            }
        }
    }

    private static GroupPublicKey decode(byte[] groupPublicKey) {
        try {
            return GroupPublicKey.fromBytes(groupPublicKey);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException("stored group public key does not decode", e);
        }
    }
}
