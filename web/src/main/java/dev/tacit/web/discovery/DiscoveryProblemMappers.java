package dev.tacit.web.discovery;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.server.discovery.InvalidDiscoveryRequestException;
import dev.tacit.server.discovery.TokenAlreadySpentException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/** The problem details of contact discovery's refusals (docs/protocol.md §4.1, §4.10, §4.11). */
public final class DiscoveryProblemMappers {

    private DiscoveryProblemMappers() {
    }

    /** 400 {@code invalid-discovery-request}, naming the member at fault. */
    @Provider
    public static class InvalidDiscoveryRequest implements ExceptionMapper<InvalidDiscoveryRequestException> {
        @Override
        public Response toResponse(InvalidDiscoveryRequestException exception) {
            return Problem.ofType("invalid-discovery-request", "Invalid discovery request", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 409 {@code token-already-spent}: the look-up spent nothing. */
    @Provider
    public static class TokenAlreadySpent implements ExceptionMapper<TokenAlreadySpentException> {
        @Override
        public Response toResponse(TokenAlreadySpentException exception) {
            return Problem.ofType("token-already-spent", "Token already spent", Response.Status.CONFLICT,
                    exception.getMessage()).withField("tokens").toResponse();
        }
    }

    /** 429 {@code rate-limited} with {@code Retry-After}: the window's allowance is spent. */
    @Provider
    public static class AllowanceSpent implements ExceptionMapper<DiscoveryAllowanceSpentException> {
        @Override
        public Response toResponse(DiscoveryAllowanceSpentException exception) {
            return ProblemWriter.rateLimited(Problem.rateLimited("This window's discovery allowance",
                    exception.retryAfter()), exception.retryAfter());
        }
    }
}
