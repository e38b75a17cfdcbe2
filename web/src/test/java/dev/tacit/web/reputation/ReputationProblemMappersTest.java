package dev.tacit.web.reputation;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import dev.tacit.server.reputation.InvalidReputationRequestException;
import dev.tacit.server.reputation.ReputationCapReachedException;
import dev.tacit.server.reputation.StampAlreadySpentException;
import dev.tacit.web.problem.Problem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A redemption's refusals as the problem types of docs/protocol.md §4.1 and §4.24. */
class ReputationProblemMappersTest {

    @Test
    void anInvalidRedemptionNamesItsMember() {
        Problem problem = assertProblem(new ReputationProblemMappers.InvalidReputationRequest().toResponse(
                        new InvalidReputationRequestException("stamps[1]", "stamps[1] is not a stamp of this server")),
                400, "urn:tacit:problem:invalid-reputation-request");

        assertEquals("stamps[1]", problem.field());
        assertEquals("stamps[1] is not a stamp of this server", problem.detail());
    }

    @Test
    void aSpentStampIsAConflictNamingTheStamp() {
        Problem problem = assertProblem(new ReputationProblemMappers.StampAlreadySpent().toResponse(
                new StampAlreadySpentException("stamps[2]")), 409, "urn:tacit:problem:stamp-already-spent");

        assertEquals("stamps[2]", problem.field());
    }

    @Test
    void theCapSaysWhenThePeriodEnds() {
        Response response = new ReputationProblemMappers.CapReached().toResponse(
                new ReputationCapReachedException(Duration.ofDays(3)));

        assertProblem(response, 429, "urn:tacit:problem:reputation-cap-reached");
        assertEquals("259200", response.getHeaderString("Retry-After"));
    }
}
