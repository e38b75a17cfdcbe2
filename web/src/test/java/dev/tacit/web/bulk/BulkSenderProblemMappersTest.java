package dev.tacit.web.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import dev.tacit.server.bulk.BulkSenderAllowanceSpentException;
import dev.tacit.server.bulk.BulkSenderRefusedException;
import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.web.problem.Problem;

import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bulk senders' refusals as the problem types docs/protocol.md §4.1 lists, with the statuses it gives them. */
class BulkSenderProblemMappersTest {

    private static final Path PROTOCOL = Path.of(System.getProperty("tacit.protocol.doc", "../docs/protocol.md"));
    private static final Pattern ROW = Pattern.compile("^\\| `urn:tacit:problem:(bulk-sender-[a-z-]+)` \\| (\\d{3}) \\|");

    @Test
    void everyReasonIsAProblemTypeOfTheProtocolWithItsStatus() throws IOException {
        Map<String, Integer> documented = new TreeMap<>();
        for (String line : Files.readAllLines(PROTOCOL)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        Map<String, Integer> mapped = new TreeMap<>();
        for (Reason reason : Reason.values()) {
            Problem problem = assertProblem(new BulkSenderProblemMappers.Refused().toResponse(
                    new BulkSenderRefusedException(reason, "why")), reason.status(), Problem.TYPE_PREFIX + reason.slug());
            assertEquals("why", problem.detail());
            assertEquals(reason == Reason.INVALID_TOKEN_REQUEST ? "tokenRequests" : null, problem.field());
            mapped.put(reason.slug(), reason.status());
        }
        documented.remove("bulk-sender-unknown-grant"); // the operator's (§6.3), answered by its resource
        assertEquals(documented, mapped);
    }

    @Test
    void aSpentAllowanceSaysWhenThePeriodEnds() {
        Response response = new BulkSenderProblemMappers.AllowanceSpent().toResponse(
                new BulkSenderAllowanceSpentException(Duration.ofSeconds(86_400)));

        assertNull(assertProblem(response, 429, "urn:tacit:problem:rate-limited").field());
        assertEquals("86400", response.getHeaderString("Retry-After"));
    }
}
