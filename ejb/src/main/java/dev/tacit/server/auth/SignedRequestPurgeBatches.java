package dev.tacit.server.auth;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** One purge batch per call, each in its own transaction (see {@link SignedRequestPurge}). */
@Stateless
public class SignedRequestPurgeBatches {

    @Inject
    RequestNonceStore nonces;

    @Inject
    SignedRequestCountStore counts;

    /** Deletes up to {@code limit} nonces that stopped being fresh before {@code now}; returns how many. */
    public int nonces(Instant now, int limit) {
        return nonces.purgeExpired(now, limit);
    }

    /** Deletes up to {@code limit} counts of windows that ended before {@code now}; returns how many. */
    public int counts(Instant now, int limit) {
        return counts.purgeEnded(now, limit);
    }
}
