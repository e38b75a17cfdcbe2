package dev.tacit.client;

import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an RFC 9457 problem (docs/protocol.md §4.1). {@link #type()} tells the kinds
 * apart, e.g. {@code urn:tacit:problem:rate-limited}; {@link #retryAfterSeconds()} is set on 429.
 */
public class ProblemResponseException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Long retryAfterSeconds;
    private final Map<String, String> members;

    public ProblemResponseException(int status, String type, String title, String detail, String field,
                                    Long retryAfterSeconds) {
        this(status, type, title, detail, field, retryAfterSeconds, Map.of());
    }

    /** @param members the problem document's members whose values are strings or numbers, extension members included */
    public ProblemResponseException(int status, String type, String title, String detail, String field,
                                    Long retryAfterSeconds, Map<String, String> members) {
        super(status + " " + type + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.members = Map.copyOf(members);
    }

    /** The same problem, for a subclass that gives one type a typed form. */
    protected ProblemResponseException(ProblemResponseException problem) {
        super(problem.getMessage());
        this.status = problem.status;
        this.type = problem.type;
        this.title = problem.title;
        this.field = problem.field;
        this.retryAfterSeconds = problem.retryAfterSeconds;
        this.members = problem.members;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The request member the server blamed, if any. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    /**
     * A member of the problem document whose value is a string or a number (its JSON text), such as an extension
     * member.
     */
    public Optional<String> member(String name) {
        return Optional.ofNullable(members.get(name));
    }
}
