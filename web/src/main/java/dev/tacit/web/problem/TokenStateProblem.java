package dev.tacit.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * A refusal because of a first-contact token's state (docs/protocol.md §4.12, §4.17): a {@link Problem} with the
 * extension member {@code tokenState}, the state the token is in, so its holder knows whether to exchange it
 * (released) or discard it.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "tokenState"})
public record TokenStateProblem(String type, String title, int status, String detail, String tokenState)
        implements ProblemDocument {

    public static TokenStateProblem of(String slug, String title, String detail, String tokenState) {
        return new TokenStateProblem(Problem.TYPE_PREFIX + slug, title, Response.Status.CONFLICT.getStatusCode(), detail,
                tokenState);
    }

    public Response toResponse() {
        return ProblemWriter.response(this);
    }
}
