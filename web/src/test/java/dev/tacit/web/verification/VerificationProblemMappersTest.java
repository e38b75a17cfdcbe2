package dev.tacit.web.verification;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import dev.tacit.server.sms.SmsDeliveryException;
import dev.tacit.server.verification.ExpiredSendProofException;
import dev.tacit.server.verification.ExpiredVerificationTokenException;
import dev.tacit.server.verification.InvalidPhoneNumberException;
import dev.tacit.server.verification.InvalidSendProofException;
import dev.tacit.server.verification.InvalidVerificationTokenException;
import dev.tacit.server.verification.RateLimitedException;
import dev.tacit.server.verification.WrongVerificationCodeException;
import dev.tacit.web.problem.Problem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Phone verification's failures as the problem types of docs/protocol.md §4.1. */
class VerificationProblemMappersTest {

    @Test
    void eachFailureHasItsTypeAndStatus() {
        assertProblem(new VerificationProblemMappers.InvalidPhoneNumber().toResponse(
                new InvalidPhoneNumberException("+1 415")), 400, "urn:tacit:problem:invalid-phone-number");
        assertProblem(new VerificationProblemMappers.WrongVerificationCode().toResponse(
                new WrongVerificationCodeException()), 400, "urn:tacit:problem:wrong-verification-code");
        assertProblem(new VerificationProblemMappers.InvalidSendProof().toResponse(
                new InvalidSendProofException("bad tag")), 400, "urn:tacit:problem:invalid-send-proof");
        assertProblem(new VerificationProblemMappers.ExpiredSendProof().toResponse(
                new ExpiredSendProofException()), 400, "urn:tacit:problem:expired-send-proof");
        assertProblem(new VerificationProblemMappers.SmsDeliveryFailed().toResponse(
                new SmsDeliveryException("provider said 500")), 502, "urn:tacit:problem:sms-delivery-failed");
        assertProblem(new VerificationProblemMappers.InvalidVerificationToken().toResponse(
                new InvalidVerificationTokenException("bad tag")), 400, "urn:tacit:problem:invalid-verification-token");
        assertProblem(new VerificationProblemMappers.ExpiredVerificationToken().toResponse(
                new ExpiredVerificationTokenException()), 400, "urn:tacit:problem:expired-verification-token");
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        Response response = new VerificationProblemMappers.RateLimited().toResponse(
                new RateLimitedException("a verification limit is spent", Duration.ofSeconds(2399)));

        Problem problem = assertProblem(response, 429, "urn:tacit:problem:rate-limited");
        assertEquals("2399", response.getHeaderString("Retry-After"));
        assertEquals("A limit on verification is reached; retry after 2399 s.", problem.detail());
    }

    @Test
    void theNumberIsNotEchoed() {
        Response response = new VerificationProblemMappers.InvalidPhoneNumber().toResponse(
                new InvalidPhoneNumberException("not valid: +1 415 555 0100"));

        assertFalse(((Problem) response.getEntity()).detail().contains("555"));
    }
}
