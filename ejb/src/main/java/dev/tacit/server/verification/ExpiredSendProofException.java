package dev.tacit.server.verification;

/** The send proof is authentic and for the number, but it has expired, and its code with it. */
public final class ExpiredSendProofException extends VerificationException {

    public ExpiredSendProofException() {
        super("the send proof has expired; request a new code");
    }
}
