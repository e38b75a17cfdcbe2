package dev.tacit.web.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

/**
 * Failures of the server, not of the request: logged with a fresh incident id and the full trace, answered
 * with a 500 problem naming only that id. Exception messages must therefore never carry a phone number,
 * code, token or nonce: they reach the log.
 */
public final class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());

    private Incidents() {
    }

    /** Logs {@code failure} under a new incident id and returns the 500 problem for the client. */
    public static Problem report(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.ofStatus(Response.Status.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request; the operator can find incident " + incident + " in its log.");
    }
}
