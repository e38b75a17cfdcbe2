package dev.tacit.web.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not the JSON the endpoint reads: RESTEasy reports JSON-B's parse and binding errors
 * as a {@link ProcessingException}, which is the client's fault, so a 400 problem rather than a 500. Any other
 * processing failure is the server's and goes to {@link UnexpectedExceptionMapper}.
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<ProcessingException> {

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problem.ofStatus(Response.Status.BAD_REQUEST, "The request body is not valid JSON of the "
                        + "expected shape.").toResponse();
            }
        }
        return unexpected.toResponse(exception);
    }
}
