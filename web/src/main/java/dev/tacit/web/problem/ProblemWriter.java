package dev.tacit.web.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import dev.tacit.web.SharedJsonb;

/**
 * The one writer of problem details (docs/protocol.md §4.1): the JAX-RS exception mappers answer with
 * {@link #response}, servlets with {@link #write}, and code that runs before any servlet (the authentication
 * mechanism, the request-body limit) with {@link #sendError}, which the error page ({@link ProblemPageServlet})
 * completes. JAX-RS serialises its entity with JSON-B as {@link #write} does, so every problem has the same
 * members in the same order ({@link ProblemDocument}s declare it), whoever raised it.
 */
public final class ProblemWriter {

    /** The request attribute that carries a problem from {@link #sendError} to the error page. */
    static final String PENDING = ProblemWriter.class.getName() + ".pending";

    private ProblemWriter() {
    }

    /** The document as UTF-8 JSON. */
    static byte[] json(ProblemDocument problem) {
        return SharedJsonb.JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** A JAX-RS response carrying {@code problem}, with its status. */
    public static Response response(ProblemDocument problem) {
        return Response.status(problem.status()).type(Problem.MEDIA).entity(problem).build();
    }

    /** A JAX-RS 429 response carrying {@code problem} and a {@code Retry-After} of whole seconds. */
    public static Response rateLimited(Problem problem, Duration retryAfter) {
        return Response.fromResponse(response(problem)).header("Retry-After", retryAfterSeconds(retryAfter)).build();
    }

    /** Writes {@code problem} as the whole of a servlet response that has not been committed. */
    public static void write(HttpServletResponse response, ProblemDocument problem) throws IOException {
        byte[] body = json(problem);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Answers {@code problem} through the container's error handling: for code that runs before the servlet,
     * where writing the response itself would collide with the container's own error response (and log an
     * error for every refused request). Headers set before this call, such as {@code Retry-After}, are kept.
     */
    public static void sendError(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        request.setAttribute(PENDING, problem);
        response.sendError(problem.status());
    }

    /** A {@code Retry-After} value: whole seconds, at least one. */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.getSeconds()));
    }
}
