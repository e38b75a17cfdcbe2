package dev.tacit.client;

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

    public ProblemResponseException(int status, String type, String title, String detail, String field,
                                    Long retryAfterSeconds) {
        super(status + " " + type + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
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
}
