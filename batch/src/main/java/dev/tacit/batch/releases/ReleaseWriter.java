package dev.tacit.batch.releases;

import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tacit.server.messages.FirstContactTokenService;
import dev.tacit.server.messages.SpentTokenId;

/**
 * Executes the due releases the reader locked, a chunk in one statement, through the state change a release "now"
 * makes too ({@link FirstContactTokenService#executeReleases}), in the chunk's transaction.
 */
@Named
@Dependent
public class ReleaseWriter extends AbstractItemWriter {

    @Inject
    FirstContactTokenService tokens;

    @Override
    public void writeItems(List<Object> items) {
        List<SpentTokenId> due = items.stream().map(SpentTokenId.class::cast).toList();
        if (tokens.executeReleases(due) != due.size()) {
            // The reader holds the rows' locks: nothing else can have released or burned one meanwhile.
            throw new IllegalStateException("locked due releases were no longer releasing");
        }
    }
}
