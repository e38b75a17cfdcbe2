package dev.tacit.arquillian.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tests' handle on {@link MovableClock}, in a web module of the test deployment only: {@code GET} reads
 * the offset, {@code POST} with an ISO-8601 duration ({@code PT10M}) moves the clock forward by it,
 * {@code DELETE} resets it. Every answer is the offset now in effect, as {@code text/plain}.
 */
@WebServlet(ClockControlServlet.PATH)
public class ClockControlServlet extends HttpServlet {

    public static final String CONTEXT_ROOT = "/tacit-test-clock";
    public static final String PATH = "/clock";

    private static final long serialVersionUID = 1L;

    @Inject
    transient MovableClock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, clock.offset());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        try {
            answer(response, clock.advance(Duration.parse(body)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "a positive ISO-8601 duration is required");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, clock.reset());
    }

    private static void answer(HttpServletResponse response, Duration offset) throws IOException {
        response.setContentType("text/plain");
        response.getOutputStream().write(offset.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
