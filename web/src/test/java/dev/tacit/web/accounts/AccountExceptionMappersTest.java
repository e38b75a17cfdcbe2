package dev.tacit.web.accounts;

import dev.tacit.server.accounts.InvalidAccountRequestException;
import dev.tacit.server.accounts.VerificationAlreadyUsedException;
import dev.tacit.web.problem.Problem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registration's failures as the problem types of docs/protocol.md §4.1. */
class AccountExceptionMappersTest {

    @Test
    void anInvalidMemberIsNamed() {
        Problem problem = assertProblem(new AccountExceptionMappers.InvalidAccountRequest().toResponse(
                        new InvalidAccountRequestException("groupPublicKey", "a point is not on the curve")),
                400, "urn:tacit:problem:invalid-account-request");

        assertEquals("groupPublicKey", problem.field());
        assertEquals("a point is not on the curve", problem.detail());
    }

    @Test
    void aUsedVerificationIsAConflict() {
        Problem problem = assertProblem(new AccountExceptionMappers.VerificationAlreadyUsed().toResponse(
                new VerificationAlreadyUsedException()), 409, "urn:tacit:problem:verification-already-used");

        assertEquals(null, problem.field());
    }
}
