package dev.tacit.web.accounts;

import java.time.Instant;

import jakarta.ws.rs.core.Response;

import dev.tacit.server.accounts.InvalidAccountRequestException;
import dev.tacit.server.accounts.RegistrationLockedException;
import dev.tacit.server.accounts.VerificationAlreadyUsedException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.RegistrationLockedProblem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

    @Test
    void aLockedAccountIsA423SayingWhenTheLockLapses() {
        Instant lockedUntil = Instant.parse("2026-12-02T09:00:00Z");
        Response response = new AccountExceptionMappers.RegistrationLocked().toResponse(
                new RegistrationLockedException(lockedUntil));

        assertEquals(423, response.getStatus());
        assertEquals(Problem.MEDIA, response.getMediaType());
        RegistrationLockedProblem problem = assertInstanceOf(RegistrationLockedProblem.class, response.getEntity());
        assertEquals("urn:tacit:problem:registration-locked", problem.type());
        assertEquals(423, problem.status());
        assertEquals(lockedUntil, problem.lockedUntil());
    }
}
