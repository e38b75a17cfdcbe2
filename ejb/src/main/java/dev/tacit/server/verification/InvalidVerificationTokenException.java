package dev.tacit.server.verification;

/** The verification token is malformed or its MAC does not verify: this server did not issue it. */
public final class InvalidVerificationTokenException extends VerificationException {

    public InvalidVerificationTokenException(String message) {
        super(message);
    }
}
