package dev.tacit.batch.releases;

import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tacit.server.messages.FirstContactTokenService;
import dev.tacit.server.messages.SpentTokenId;

/**
 * Executes each due release the reader locked, through the one state change a release "now" makes too
 * ({@link FirstContactTokenService#executeRelease}), in the chunk's transaction.
 */
@Named
@Dependent
public class ReleaseWriter extends AbstractItemWriter {

    @Inject
    FirstContactTokenService tokens;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            if (!tokens.executeRelease((SpentTokenId) item)) {
                // The reader holds the row's lock: nothing else can have released it meanwhile.
                throw new IllegalStateException("a locked due release was no longer releasing");
            }
        }
    }
}
