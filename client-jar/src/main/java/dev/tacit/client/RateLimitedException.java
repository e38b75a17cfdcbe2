package dev.tacit.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The server refused because a limit is spent (HTTP 429, problem {@code urn:tacit:problem:rate-limited} or
 * another type with that status, docs/protocol.md §4.1): nothing was done. {@link #retryAfter()} says when the
 * limit's window ends, from the answer's {@code Retry-After}.
 */
public class RateLimitedException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:rate-limited";

    public RateLimitedException(ProblemResponseException problem) {
        super(problem);
    }

    /** How long to wait before trying again, when the server said so. */
    public Optional<Duration> retryAfter() {
        return retryAfterSeconds().map(Duration::ofSeconds);
    }
}
