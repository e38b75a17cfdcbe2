package dev.tacit.web.problem;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * The problem for an unsigned re-registration of an active account: a {@link Problem} of type
 * {@code urn:tacit:problem:registration-locked}, status 423 (Locked, RFC 4918 §11.3), with the extension member
 * {@code lockedUntil}, when the lock lapses unless the account is active again before (docs/protocol.md §4.7).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "lockedUntil"})
public record RegistrationLockedProblem(String type, String title, int status, String detail, Instant lockedUntil)
        implements ProblemDocument {

    static final int LOCKED = 423;

    public static RegistrationLockedProblem until(Instant lockedUntil) {
        return new RegistrationLockedProblem(Problem.TYPE_PREFIX + "registration-locked", "Registration locked", LOCKED,
                "The number's account is in use: re-register it with a request signed by its identity key, or"
                        + " after the lock has lapsed.", lockedUntil);
    }

    public Response toResponse() {
        return ProblemWriter.response(this);
    }
}
