package dev.tacit.web.problem;

/** An RFC 9457 problem details document that {@link ProblemWriter} can write: a {@link Problem} or an extension of it. */
public sealed interface ProblemDocument permits Problem, InvalidRequestProblem, RegistrationLockedProblem,
        TokenStateProblem, GroupKeyProblem {

    /** The HTTP status code, which the document repeats. */
    int status();
}
