package dev.tacit.web.problem;

import java.util.Set;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The runtime's own HTTP failures become problems that keep status and headers but not the runtime's words. */
class WebApplicationExceptionMapperTest {

    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    @Test
    void aWrongMethodKeepsItsAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("RESTEASY003650: No resource method found for DELETE",
                "GET", new String[] {"HEAD", "OPTIONS"}));

        Problem problem = assertProblem(response, 405, "about:blank");
        assertEquals("Method Not Allowed", problem.title());
        assertEquals("This resource does not support the request's method.", problem.detail());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), Set.of(response.getHeaderString("Allow").split("\\s*,\\s*")));
    }

    @Test
    void eachStatusGetsADetailOfItsOwnAndNoneEchoesTheRuntime() {
        String runtimeMessage = "RESTEASY003210: Could not find resource for full path: class dev.tacit.Secret";
        for (WebApplicationException exception : new WebApplicationException[] {
                new BadRequestException(runtimeMessage), new NotFoundException(runtimeMessage),
                new NotAcceptableException(runtimeMessage), new NotSupportedException(runtimeMessage)}) {
            Response response = mapper.toResponse(exception);

            Problem problem = assertProblem(response, exception.getResponse().getStatus(), "about:blank");
            assertEquals(exception.getResponse().getStatusInfo().getReasonPhrase(), problem.title());
            assertFalse(problem.detail().contains("RESTEASY") || problem.detail().contains("class"), problem.detail());
            assertEquals(null, problem.field());
        }
    }

    @Test
    void aStatusWithoutAWordOfItsOwnIsDescribedByItsReasonPhrase() {
        Response response = mapper.toResponse(new WebApplicationException("internal words", 410));

        assertEquals("Gone", assertProblem(response, 410, "about:blank").detail());
    }
}
