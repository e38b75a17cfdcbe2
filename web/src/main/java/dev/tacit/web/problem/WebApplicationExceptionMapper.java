package dev.tacit.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * HTTP-level failures the JAX-RS runtime raises itself (unknown path 404, wrong method 405, unacceptable
 * media type 406, unsupported content type 415, unreadable body 400, ...) as problem details, keeping their
 * status and headers (such as {@code Allow}). The runtime's messages are not echoed: they can name classes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response problem = Problem.ofStatus(original.getStatus()).toResponse();
        return Response.fromResponse(original).type(Problem.MEDIA).entity(problem.getEntity()).build();
    }
}
