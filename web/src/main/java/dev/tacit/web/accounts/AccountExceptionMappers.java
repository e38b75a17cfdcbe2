package dev.tacit.web.accounts;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.accounts.InvalidAccountRequestException;
import dev.tacit.server.accounts.RegistrationLockedException;
import dev.tacit.server.accounts.VerificationAlreadyUsedException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.RegistrationLockedProblem;

/** Problem details for account failures (docs/protocol.md §4.1). */
public final class AccountExceptionMappers {

    private AccountExceptionMappers() {
    }

    /** 400 {@code invalid-account-request}, naming the member at fault. */
    @Provider
    public static class InvalidAccountRequest implements ExceptionMapper<InvalidAccountRequestException> {
        @Override
        public Response toResponse(InvalidAccountRequestException exception) {
            return Problem.ofType("invalid-account-request", "Invalid account request", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 409 {@code verification-already-used}. */
    @Provider
    public static class VerificationAlreadyUsed implements ExceptionMapper<VerificationAlreadyUsedException> {
        @Override
        public Response toResponse(VerificationAlreadyUsedException exception) {
            return Problem.ofType("verification-already-used", "Verification already used", Response.Status.CONFLICT,
                    exception.getMessage()).toResponse();
        }
    }

    /** 423 {@code registration-locked}, saying until when. */
    @Provider
    public static class RegistrationLocked implements ExceptionMapper<RegistrationLockedException> {
        @Override
        public Response toResponse(RegistrationLockedException exception) {
            return RegistrationLockedProblem.until(exception.lockedUntil()).toResponse();
        }
    }
}
