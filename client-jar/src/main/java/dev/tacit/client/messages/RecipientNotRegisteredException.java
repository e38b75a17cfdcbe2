package dev.tacit.client.messages;

import dev.tacit.client.ProblemResponseException;

/**
 * The first contact's recipient has no account (problem {@code urn:tacit:problem:unknown-recipient},
 * docs/protocol.md §4.12); the token that paid for it is spent.
 */
public final class RecipientNotRegisteredException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "urn:tacit:problem:unknown-recipient";

    RecipientNotRegisteredException(ProblemResponseException problem) {
        super(problem);
    }
}
