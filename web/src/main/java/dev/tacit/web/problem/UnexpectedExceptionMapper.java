package dev.tacit.web.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything no more specific mapper claims: a failure of the server, not of the request. The client gets a
 * 500 problem naming an incident id, never a stack trace; the log gets the same id with the full trace.
 * Expected failures are typed exceptions with mappers of their own (EJB services mark theirs
 * {@code @ApplicationException}, so they reach the mappers unwrapped).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return incident(exception).toResponse();
    }

    /** Logs {@code failure} with the whole trace under a new incident id; the 500 problem names only the id. */
    public static Problem incident(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.ofStatus(Response.Status.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request; the operator can find incident " + incident + " in its log.");
    }
}
