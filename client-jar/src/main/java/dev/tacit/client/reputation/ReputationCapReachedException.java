package dev.tacit.client.reputation;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.RateLimitedException;

/**
 * The account has obtained as many first-contact tokens for stamps as the period allows (HTTP 429,
 * {@code urn:tacit:problem:reputation-cap-reached}, docs/protocol.md §4.24): nothing was spent; the stamps stay.
 * {@link #retryAfter()} says when the next period starts.
 */
public class ReputationCapReachedException extends RateLimitedException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:reputation-cap-reached";

    public ReputationCapReachedException(ProblemResponseException problem) {
        super(problem);
    }
}
