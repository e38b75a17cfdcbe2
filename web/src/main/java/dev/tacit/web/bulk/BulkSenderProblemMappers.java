package dev.tacit.web.bulk;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.bulk.BulkSenderAllowanceSpentException;
import dev.tacit.server.bulk.BulkSenderRefusedException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/** The problem details of the bulk senders' refusals (docs/protocol.md §4.1, §4.26–§4.28). */
public final class BulkSenderProblemMappers {

    private BulkSenderProblemMappers() {
    }

    /** {@code urn:tacit:problem:bulk-sender-...}, with the status of its reason. */
    @Provider
    public static class Refused implements ExceptionMapper<BulkSenderRefusedException> {
        @Override
        public Response toResponse(BulkSenderRefusedException exception) {
            BulkSenderRefusedException.Reason reason = exception.reason();
            Problem problem = new Problem(Problem.TYPE_PREFIX + reason.slug(), reason.title(), reason.status(),
                    exception.getMessage(), null);
            return (reason == BulkSenderRefusedException.Reason.INVALID_TOKEN_REQUEST
                    ? problem.withField("tokenRequests") : problem).toResponse();
        }
    }

    /** 429 {@code rate-limited} with {@code Retry-After}: the period's allowance is spent. */
    @Provider
    public static class AllowanceSpent implements ExceptionMapper<BulkSenderAllowanceSpentException> {
        @Override
        public Response toResponse(BulkSenderAllowanceSpentException exception) {
            return ProblemWriter.rateLimited(Problem.rateLimited("This period's bulk-sender allowance",
                    exception.retryAfter()), exception.retryAfter());
        }
    }
}
