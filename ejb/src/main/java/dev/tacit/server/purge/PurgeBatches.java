package dev.tacit.server.purge;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.server.auth.RequestNonceStore;
import dev.tacit.server.discovery.SpentTokenStore;
import dev.tacit.server.limits.AbuseCounterStore;

/** One purge batch per call, each in its own transaction (see {@link ExpiredRowPurge}). */
@Stateless
public class PurgeBatches {

    @Inject
    RequestNonceStore nonces;

    @Inject
    AbuseCounterStore abuseCounters;

    @Inject
    SpentTokenStore spentTokens;

    /** Deletes up to {@code limit} nonces that stopped being fresh before {@code now}; returns how many. */
    public int nonces(Instant now, int limit) {
        return nonces.purgeExpired(now, limit);
    }

    /** Deletes up to {@code limit} abuse counters whose window ended by {@code now}; returns how many. */
    public int abuseCounters(Instant now, int limit) {
        return abuseCounters.purgeExpired(now, limit);
    }

    /** Deletes up to {@code limit} spent discovery tokens whose key no longer verifies at {@code now}; returns how many. */
    public int spentTokens(Instant now, int limit) {
        return spentTokens.purgeRetired(now, limit);
    }
}
