package dev.tacit.web.discovery;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import dev.tacit.server.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.server.discovery.InvalidDiscoveryRequestException;
import dev.tacit.server.discovery.TokenAlreadySpentException;
import dev.tacit.web.problem.Problem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contact discovery's refusals as the problem types of docs/protocol.md §4.1. */
class DiscoveryProblemMappersTest {

    @Test
    void anInvalidRequestNamesItsMember() {
        Problem problem = assertProblem(new DiscoveryProblemMappers.InvalidDiscoveryRequest().toResponse(
                        new InvalidDiscoveryRequestException("tokens", "tokens[2] is a discovery token of another window")),
                400, "urn:tacit:problem:invalid-discovery-request");

        assertEquals("tokens", problem.field());
        assertEquals("tokens[2] is a discovery token of another window", problem.detail());
    }

    @Test
    void aSpentTokenIsAConflictAboutTheTokens() {
        Problem problem = assertProblem(new DiscoveryProblemMappers.TokenAlreadySpent().toResponse(
                new TokenAlreadySpentException()), 409, "urn:tacit:problem:token-already-spent");

        assertEquals("tokens", problem.field());
    }

    @Test
    void aSpentAllowanceSaysWhenTheWindowEnds() {
        Response response = new DiscoveryProblemMappers.AllowanceSpent().toResponse(
                new DiscoveryAllowanceSpentException(Duration.ofSeconds(5400)));

        assertProblem(response, 429, "urn:tacit:problem:rate-limited");
        assertEquals("5400", response.getHeaderString("Retry-After"));
    }
}
