package dev.tacit.web.problem;

import jakarta.ws.rs.core.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Checks on the responses the mappers build (with RESTEasy, WildFly's Jakarta REST). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Asserts {@code response} is a problem of {@code status} and {@code type}, and returns it. */
    public static Problem assertProblem(Response response, int status, String type) {
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA, response.getMediaType());
        Problem problem = assertInstanceOf(Problem.class, response.getEntity());
        assertEquals(type, problem.type());
        assertEquals(status, problem.status());
        return problem;
    }
}
