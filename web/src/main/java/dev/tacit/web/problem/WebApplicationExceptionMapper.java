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
        Response.StatusType status = original.getStatusInfo();
        Problem problem = Problem.ofStatus(status, describe(status));
        return Response.fromResponse(original).type(Problem.MEDIA).entity(problem).build();
    }

    private static String describe(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This resource does not support the request's method.";
            case 406 -> "This resource cannot answer in any of the media types the request accepts.";
            case 415 -> "This resource does not accept the request's content type.";
            default -> status.getReasonPhrase();
        };
    }
}
