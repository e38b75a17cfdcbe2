package dev.tacit.client.messages;

import dev.tacit.client.ProblemResponseException;

/**
 * The server refused a first contact because its token was spent before (problem
 * {@code urn:tacit:problem:token-already-spent}, docs/protocol.md §4.12); {@link #state()} says what became of it.
 */
public final class TokenSpentException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:token-already-spent";

    private final TokenState state;

    TokenSpentException(ProblemResponseException problem, TokenState state) {
        super(problem);
        this.state = state;
    }

    public TokenState state() {
        return state;
    }
}
