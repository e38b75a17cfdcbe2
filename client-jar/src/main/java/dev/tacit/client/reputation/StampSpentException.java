package dev.tacit.client.reputation;

import java.util.Optional;

import dev.tacit.client.ProblemResponseException;

/**
 * A stamp of a redemption was spent before (HTTP 409, {@code urn:tacit:problem:stamp-already-spent},
 * docs/protocol.md §4.24): nothing of the redemption was spent or counted. {@link #stampIndex()} says which.
 */
public class StampSpentException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:stamp-already-spent";

    public StampSpentException(ProblemResponseException problem) {
        super(problem);
    }

    /** The position in the redemption's {@code stamps} of the stamp spent before, from the problem's {@code field}. */
    public Optional<Integer> stampIndex() {
        return field().filter(f -> f.matches("stamps\\[\\d{1,3}]"))
                .map(f -> Integer.valueOf(f.substring("stamps[".length(), f.length() - 1)));
    }
}
