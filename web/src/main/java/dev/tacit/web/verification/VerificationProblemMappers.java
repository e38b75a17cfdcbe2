package dev.tacit.web.verification;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.sms.SmsDeliveryException;
import dev.tacit.server.verification.ExpiredSendProofException;
import dev.tacit.server.verification.ExpiredVerificationTokenException;
import dev.tacit.server.verification.InvalidPhoneNumberException;
import dev.tacit.server.verification.InvalidSendProofException;
import dev.tacit.server.verification.InvalidVerificationTokenException;
import dev.tacit.server.verification.RateLimitedException;
import dev.tacit.server.verification.WrongVerificationCodeException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/** The problem details of phone verification's failures, one mapper per failure (docs/protocol.md §4.1). */
public final class VerificationProblemMappers {

    private VerificationProblemMappers() {
    }

    @Provider
    public static class InvalidPhoneNumber implements ExceptionMapper<InvalidPhoneNumberException> {
        @Override
        public Response toResponse(InvalidPhoneNumberException exception) {
            return Problem.ofType("invalid-phone-number", "Invalid phone number", Response.Status.BAD_REQUEST,
                    "Give the number in international format, starting with + and the country code.").toResponse();
        }
    }

    @Provider
    public static class WrongVerificationCode implements ExceptionMapper<WrongVerificationCodeException> {
        @Override
        public Response toResponse(WrongVerificationCodeException exception) {
            return Problem.ofType("wrong-verification-code", "Wrong verification code", Response.Status.BAD_REQUEST,
                    "The code is not the one texted with this send.").toResponse();
        }
    }

    @Provider
    public static class RateLimited implements ExceptionMapper<RateLimitedException> {
        @Override
        public Response toResponse(RateLimitedException exception) {
            return ProblemWriter.rateLimited(Problem.rateLimited("A limit on verification", exception.retryAfter()),
                    exception.retryAfter());
        }
    }

    @Provider
    public static class InvalidSendProof implements ExceptionMapper<InvalidSendProofException> {
        @Override
        public Response toResponse(InvalidSendProofException exception) {
            return Problem.ofType("invalid-send-proof", "Invalid send proof", Response.Status.BAD_REQUEST,
                    "The send proof was not issued by this server for this number.").toResponse();
        }
    }

    @Provider
    public static class ExpiredSendProof implements ExceptionMapper<ExpiredSendProofException> {
        @Override
        public Response toResponse(ExpiredSendProofException exception) {
            return Problem.ofType("expired-send-proof", "Expired send proof", Response.Status.BAD_REQUEST,
                    "The send proof and its code have expired; request a new code.").toResponse();
        }
    }

    @Provider
    public static class SmsDeliveryFailed implements ExceptionMapper<SmsDeliveryException> {
        @Override
        public Response toResponse(SmsDeliveryException exception) {
            return Problem.ofType("sms-delivery-failed", "SMS delivery failed", Response.Status.BAD_GATEWAY,
                    "The text message could not be handed to the SMS provider; try again later.").toResponse();
        }
    }

    @Provider
    public static class InvalidVerificationToken implements ExceptionMapper<InvalidVerificationTokenException> {
        @Override
        public Response toResponse(InvalidVerificationTokenException exception) {
            return Problem.ofType("invalid-verification-token", "Invalid verification token",
                    Response.Status.BAD_REQUEST, "The verification token was not issued by this server.").toResponse();
        }
    }

    @Provider
    public static class ExpiredVerificationToken implements ExceptionMapper<ExpiredVerificationTokenException> {
        @Override
        public Response toResponse(ExpiredVerificationTokenException exception) {
            return Problem.ofType("expired-verification-token", "Expired verification token",
                    Response.Status.BAD_REQUEST, "The verification token has expired; verify the number again.")
                    .toResponse();
        }
    }
}
