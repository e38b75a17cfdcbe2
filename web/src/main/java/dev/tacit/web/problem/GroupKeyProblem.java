package dev.tacit.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * A refusal of uploaded group key updates (docs/protocol.md §4.29): a {@link Problem} with the member at fault in
 * {@code field}, and the extension member {@code index} (the update at fault, from 0) or {@code epoch} (the account's
 * current epoch, for a stale {@code fromEpoch}); the one not given is left out.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field", "index", "epoch"})
public record GroupKeyProblem(String type, String title, int status, String detail, String field, Integer index,
                              Integer epoch) implements ProblemDocument {

    public static GroupKeyProblem of(String slug, String title, Response.StatusType status, String detail, String field,
                                     Integer index, Integer epoch) {
        return new GroupKeyProblem(Problem.TYPE_PREFIX + slug, title, status.getStatusCode(), detail, field, index, epoch);
    }

    public Response toResponse() {
        return ProblemWriter.response(this);
    }
}
