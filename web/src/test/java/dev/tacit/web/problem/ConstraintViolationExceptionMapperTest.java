package dev.tacit.web.problem;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.Response;

import dev.tacit.web.discovery.DiscoveryResource;
import dev.tacit.web.verification.ConfirmationRequest;
import dev.tacit.web.verification.VerificationResource;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bean Validation failures of a request body, produced by Hibernate Validator (WildFly's) on the resource
 * method as the runtime validates it: a 400 invalid-request naming each JSON member, never its value.
 */
class ConstraintViolationExceptionMapperTest {

    /** Messages interpolated without Jakarta Expression Language, which the constraints here do not use. */
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void eachBrokenMemberIsNamedFromTheBodysRootInOrder() throws Exception {
        Response response = map(new ConfirmationRequest(null, "12ab-secret", "a-send-proof"));

        InvalidRequestProblem problem = invalidRequest(response);
        assertEquals(List.of("code", "number"), problem.errors().stream().map(InvalidRequestProblem.FieldError::field).toList());
        assertEquals("must be six digits", problem.errors().get(0).message());
        assertFalse(problem.errors().get(1).message().isBlank());
        assertFalse(problem.toString().contains("12ab-secret"), "the rejected value is not echoed");
    }

    @Test
    void aMissingBodyIsTheBodyItself() throws Exception {
        InvalidRequestProblem problem = invalidRequest(map(null));

        assertEquals(List.of(""), problem.errors().stream().map(InvalidRequestProblem.FieldError::field).toList());
    }

    @Test
    void anArraysElementsAreNamedByTheirIndex() throws Exception {
        String token = "A".repeat(10);
        Method lookUp = DiscoveryResource.class.getMethod("lookUp", DiscoveryResource.LookupRequest.class);
        Set<ConstraintViolation<DiscoveryResource>> violations = VALIDATION.getValidator().forExecutables()
                .validateParameters(new DiscoveryResource(), lookUp, new Object[] {new DiscoveryResource.LookupRequest(
                        List.of(), List.of(token, token + "=", token, "+" + token))});

        InvalidRequestProblem problem = invalidRequest(new ConstraintViolationExceptionMapper()
                .toResponse(new ConstraintViolationException(violations)));
        assertEquals(List.of("numbers", "tokens[1]", "tokens[3]"),
                problem.errors().stream().map(InvalidRequestProblem.FieldError::field).toList());
    }

    /** Validates the arguments of {@code VerificationResource.confirm} and maps the violations. */
    private static Response map(ConfirmationRequest body) throws Exception {
        Method confirm = VerificationResource.class.getMethod("confirm", ConfirmationRequest.class);
        Set<ConstraintViolation<VerificationResource>> violations = VALIDATION.getValidator().forExecutables()
                .validateParameters(new VerificationResource(), confirm, new Object[] {body});
        assertFalse(violations.isEmpty());
        return new ConstraintViolationExceptionMapper().toResponse(new ConstraintViolationException(violations));
    }

    private static InvalidRequestProblem invalidRequest(Response response) {
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA, response.getMediaType());
        InvalidRequestProblem problem = assertInstanceOf(InvalidRequestProblem.class, response.getEntity());
        assertEquals("urn:tacit:problem:invalid-request", problem.type());
        assertTrue(problem.detail().contains(problem.errors().size() + " constraint"), problem.detail());
        return problem;
    }
}
