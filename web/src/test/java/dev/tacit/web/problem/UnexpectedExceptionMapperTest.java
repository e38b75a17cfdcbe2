package dev.tacit.web.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure of the server: the client gets a 500 problem naming an incident id and nothing of the failure;
 * the log gets the same id with the whole failure. And a body that is not the JSON expected is the client's
 * fault (400), while any other processing failure is the server's (500).
 */
class UnexpectedExceptionMapperTest {

    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f-]{36})");
    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean toParentHandlers;

    /** Takes this logger's records for the test, and keeps the expected failures off the console. */
    @BeforeEach
    void captureTheLog() {
        toParentHandlers = LOG.getUseParentHandlers();
        LOG.setUseParentHandlers(false);
        LOG.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        LOG.removeHandler(capture);
        LOG.setUseParentHandlers(toParentHandlers);
    }

    @Test
    void theClientGetsAnIncidentIdAndTheLogTheSameIdWithTheFailure() {
        IllegalStateException failure = new IllegalStateException("database password s3cret rejected for +14155550100");

        Response response = new UnexpectedExceptionMapper().toResponse(failure);

        Problem problem = assertProblem(response, 500, "about:blank");
        assertEquals("Internal Server Error", problem.title());
        String incident = incident(problem.detail());
        assertFalse(problem.detail().contains("s3cret") || problem.detail().contains("+1415")
                || problem.detail().contains("IllegalState"), problem.detail());
        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertEquals(incident, incident(logged.get(0).getMessage()));
        assertSame(failure, logged.get(0).getThrown(), "the log has the whole failure");
    }

    @Test
    void everyIncidentHasAnIdOfItsOwn() {
        String first = incident(new UnexpectedExceptionMapper().toResponse(new RuntimeException()).getEntity());
        String second = incident(new UnexpectedExceptionMapper().toResponse(new RuntimeException()).getEntity());

        assertNotEquals(first, second);
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsTheClientsFault() {
        Response response = new UnreadableBodyExceptionMapper().toResponse(
                new ProcessingException(new JsonbException("Unexpected char 39 at (line no=1, column no=1, offset=0)")));

        Problem problem = assertProblem(response, 400, "about:blank");
        assertEquals("The request body is not valid JSON of the expected shape.", problem.detail());
        assertTrue(logged.isEmpty(), "nothing to log: the server did not fail");
    }

    @Test
    void anyOtherProcessingFailureIsTheServers() {
        Response response = new UnreadableBodyExceptionMapper().toResponse(
                new ProcessingException(new IOException("broken pipe")));

        incident(assertProblem(response, 500, "about:blank").detail());
        assertEquals(1, logged.size());
    }

    private static String incident(Object detail) {
        String text = detail instanceof Problem problem ? problem.detail() : String.valueOf(detail);
        Matcher matcher = INCIDENT.matcher(text);
        assertTrue(matcher.find(), "names an incident: " + text);
        return matcher.group(1);
    }
}
