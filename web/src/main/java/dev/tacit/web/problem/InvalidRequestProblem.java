package dev.tacit.web.problem;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * The problem for a request that is readable but breaks the endpoint's constraints: a {@link Problem} of type
 * {@code urn:tacit:problem:invalid-request} with the extension member {@code errors}, one entry per broken
 * constraint.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record InvalidRequestProblem(String type, String title, int status, String detail, List<FieldError> errors)
        implements ProblemDocument {

    static final String SLUG = "invalid-request";

    /**
     * One broken constraint.
     *
     * @param field   the JSON member, as a dotted path from the body's root; empty for the body itself
     * @param message what the member must be, for a human
     */
    @JsonbPropertyOrder({"field", "message"})
    public record FieldError(String field, String message) {
    }

    public InvalidRequestProblem {
        errors = List.copyOf(errors);
    }

    static InvalidRequestProblem of(List<FieldError> errors) {
        return new InvalidRequestProblem(Problem.TYPE_PREFIX + SLUG, "Invalid request",
                Response.Status.BAD_REQUEST.getStatusCode(),
                "The request breaks " + errors.size() + " constraint(s); see errors.", errors);
    }

    public Response toResponse() {
        return ProblemWriter.response(this);
    }
}
