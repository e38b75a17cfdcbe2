package dev.tacit.client.messages;

import java.util.Optional;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * The recipient of a first contact has no account: either a look-up said so before anything was paid
 * ({@link #tokenSpent()} false), or the server refused the send with problem {@code urn:tacit:problem:unknown-recipient}
 * (docs/protocol.md §4.12), and the token that paid for it is spent ({@link #problem()} holds the refusal).
 */
public final class RecipientNotRegisteredException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    /** The problem type of the server's refusal. */
    public static final String TYPE = "urn:tacit:problem:unknown-recipient";

    private final PhoneNumber recipient;
    private final transient ProblemResponseException problem;

    /** A look-up found {@code recipient} without an account: nothing was sent, no first-contact token spent. */
    public RecipientNotRegisteredException(PhoneNumber recipient) {
        super(recipient.e164() + " has no Tacit account (looked up); nothing was sent");
        this.recipient = recipient;
        this.problem = null;
    }

    RecipientNotRegisteredException(PhoneNumber recipient, ProblemResponseException problem) {
        super(recipient.e164() + " has no Tacit account; the server refused the first contact and its token is spent",
                problem);
        this.recipient = recipient;
        this.problem = problem;
    }

    public PhoneNumber recipient() {
        return recipient;
    }

    /** Whether a first-contact token paid for finding out (the send was refused by the server). */
    public boolean tokenSpent() {
        return problem != null;
    }

    /** The server's refusal, if it was one. */
    public Optional<ProblemResponseException> problem() {
        return Optional.ofNullable(problem);
    }
}
