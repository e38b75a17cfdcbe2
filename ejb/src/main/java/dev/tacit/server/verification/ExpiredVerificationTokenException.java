package dev.tacit.server.verification;

/** The verification token is authentic but its validity has ended; the client verifies the number again. */
public final class ExpiredVerificationTokenException extends VerificationException {

    public ExpiredVerificationTokenException() {
        super("the verification token has expired");
    }
}
