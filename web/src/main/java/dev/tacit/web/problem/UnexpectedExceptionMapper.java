package dev.tacit.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything no more specific mapper claims: a failure of the server, not of the request, reported as an
 * {@link Incidents incident}. Expected failures are typed exceptions with mappers of their own (EJB services
 * mark theirs {@code @ApplicationException}, so they reach the mappers unwrapped).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return Incidents.report(exception).toResponse();
    }
}
