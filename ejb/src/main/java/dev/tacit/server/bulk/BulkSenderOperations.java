package dev.tacit.server.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The operator's operations on bulk-sender grants (docs/protocol.md §6.3), each one transaction. */
@Stateless
public class BulkSenderOperations {

    @Inject
    BulkSenderGrantStore grants;

    @Inject
    Clock clock;

    /** The latest {@code limit} grants, newest first. */
    public List<BulkSenderGrant> list(int limit) {
        return grants.list(limit);
    }

    /**
     * Revokes grant {@code id} now (a grant revoked before keeps its time): its account obtains no more bulk tokens
     * until it proves another certificate, and no account can prove its certificate again.
     */
    public Optional<BulkSenderGrant> revoke(long id) {
        return grants.revoke(id, clock.instant());
    }
}
