package dev.tacit.web.problem;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every answer the application does not give through the API, as a problem document (docs/protocol.md §4.1),
 * never an HTML page. As the default servlet ({@code /}) it answers every path nothing else serves, {@code GET /}
 * and {@code /V1/account} alike, with a 404 whatever the method. As web.xml's error page it completes what the
 * container handles itself: a problem set by {@link ProblemWriter#sendError}, an uncaught exception (an
 * {@link Incidents incident}, 500), or a bare error status.
 */
@WebServlet("/")
public class ProblemPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemWriter.write(response, problemFor(request));
    }

    private static Problem problemFor(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return Problem.ofStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        if (request.getAttribute(ProblemWriter.PENDING) instanceof Problem pending) {
            return pending;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return Incidents.report(failure);
        }
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status && status >= 400
                ? Problem.ofStatus(status)
                : Problem.ofStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
