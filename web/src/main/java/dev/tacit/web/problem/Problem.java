package dev.tacit.web.problem;

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
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** The prefix of Tacit's own problem type URIs; docs/protocol.md lists them. */
    public static final String TYPE_PREFIX = "urn:tacit:problem:";

    /** A problem fully described by its HTTP status (RFC 9457 §4.2.1). */
    public static Problem ofStatus(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    /** A problem of one of Tacit's own types, {@code urn:tacit:problem:<slug>}. */
    public static Problem ofType(String slug, String title, Response.StatusType status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status.getStatusCode(), detail, null);
    }

    /** This problem, blaming the request member {@code name}. */
    public Problem withField(String name) {
        return new Problem(type, title, status, detail, name);
    }

    /** The response that carries this problem. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
