package dev.tacit.web.reputation;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.reputation.InvalidReputationRequestException;
import dev.tacit.server.reputation.ReputationCapReachedException;
import dev.tacit.server.reputation.StampAlreadySpentException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/** The problem details of a redemption's refusals (docs/protocol.md §4.1, §4.24). */
public final class ReputationProblemMappers {

    private ReputationProblemMappers() {
    }

    /** 400 {@code invalid-reputation-request}, naming the member at fault. */
    @Provider
    public static class InvalidReputationRequest implements ExceptionMapper<InvalidReputationRequestException> {
        @Override
        public Response toResponse(InvalidReputationRequestException exception) {
            return Problem.ofType("invalid-reputation-request", "Invalid reputation request",
                    Response.Status.BAD_REQUEST, exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 409 {@code stamp-already-spent}, naming the stamp by position. */
    @Provider
    public static class StampAlreadySpent implements ExceptionMapper<StampAlreadySpentException> {
        @Override
        public Response toResponse(StampAlreadySpentException exception) {
            return Problem.ofType("stamp-already-spent", "Stamp already spent", Response.Status.CONFLICT,
                    exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 429 {@code reputation-cap-reached} with {@code Retry-After}: the period's grants are spent. */
    @Provider
    public static class CapReached implements ExceptionMapper<ReputationCapReachedException> {
        @Override
        public Response toResponse(ReputationCapReachedException exception) {
            return ProblemWriter.rateLimited(Problem.ofType("reputation-cap-reached", "Reputation cap reached",
                    Response.Status.TOO_MANY_REQUESTS, "This account has obtained as many first-contact tokens for"
                            + " stamps as a period allows; the next period starts after Retry-After."),
                    exception.retryAfter());
        }
    }
}
