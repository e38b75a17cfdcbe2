package dev.tacit.web.problem;

import java.time.Duration;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details document, the body of every error response. Null members are omitted.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title  a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong in this occurrence, for a human
 * @param field  extension member: the request member at fault, when there is one
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field"})
public record Problem(String type, String title, int status, String detail, String field) implements ProblemDocument {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** The prefix of Tacit's own problem type URIs; docs/protocol.md lists them. */
    public static final String TYPE_PREFIX = "urn:tacit:problem:";

    /** The most content a request may carry (docs/protocol.md §4.1): 64 KiB. */
    public static final int MAX_CONTENT_BYTES = 64 * 1024;

    /** A problem fully described by its HTTP status (RFC 9457 §4.2.1). */
    public static Problem ofStatus(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    /**
     * A problem fully described by the HTTP status {@code code}, with the detail Tacit gives every such
     * problem: for the failures the HTTP layer raises itself (unknown path, method not allowed, ...).
     */
    public static Problem ofStatus(int code) {
        Response.StatusType status = Response.Status.fromStatusCode(code);
        String title = status != null ? status.getReasonPhrase() : code >= 500 ? "Server Error" : "Client Error";
        return new Problem("about:blank", title, code, describe(code, title), null);
    }

    /** A problem of one of Tacit's own types, {@code urn:tacit:problem:<slug>}. */
    public static Problem ofType(String slug, String title, Response.StatusType status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status.getStatusCode(), detail, null);
    }

    /** 401: an account-scoped request failed verification, whichever check it failed (docs/protocol.md §5.3). */
    public static Problem unauthenticated() {
        return ofType("unauthenticated", "Unauthenticated", Response.Status.UNAUTHORIZED, "The request is not signed by"
                + " a registered account, or its signature is invalid or not fresh.");
    }

    /** 413: the request's content is over {@link #MAX_CONTENT_BYTES}; it was not read (docs/protocol.md §4.1). */
    public static Problem contentTooLarge() {
        return ofType("content-too-large", "Content too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request content is larger than " + MAX_CONTENT_BYTES + " bytes, the most this server accepts.");
    }

    /** 429: a rate limit is spent; send it with a {@code Retry-After} of {@code retryAfter}. */
    public static Problem rateLimited(String limit, Duration retryAfter) {
        return ofType("rate-limited", "Rate limited", Response.Status.TOO_MANY_REQUESTS,
                limit + " is reached; retry after " + retryAfter.getSeconds() + " s.");
    }

    /** This problem, blaming the request member {@code name}. */
    public Problem withField(String name) {
        return new Problem(type, title, status, detail, name);
    }

    /** The JAX-RS response that carries this problem. */
    public Response toResponse() {
        return ProblemWriter.response(this);
    }

    private static String describe(int code, String title) {
        return switch (code) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This resource does not support the request's method.";
            case 406 -> "This resource cannot answer in any of the media types the request accepts.";
            case 415 -> "This resource does not accept the request's content type.";
            case 503 -> "The server cannot handle the request now; try again later.";
            default -> title;
        };
    }
}
