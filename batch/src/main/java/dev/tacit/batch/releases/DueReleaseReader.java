package dev.tacit.batch.releases;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tacit.batch.chunk.LockingReader;
import dev.tacit.server.messages.FirstContactTokenService;
import dev.tacit.server.messages.SpentTokenId;

/** Reads the releases due by the execution's start, a chunk of them locked at a time (job process-delayed-releases). */
@Named
@Dependent
public class DueReleaseReader extends LockingReader<SpentTokenId> {

    @Inject
    FirstContactTokenService tokens;

    @Override
    protected List<SpentTokenId> lockDue(Instant cutoff, int limit) {
        return tokens.lockDueReleases(cutoff, limit);
    }
}
