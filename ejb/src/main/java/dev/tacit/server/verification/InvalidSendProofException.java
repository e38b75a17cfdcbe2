package dev.tacit.server.verification;

/** The send proof is malformed, was not issued by this server, or is for another number. */
public final class InvalidSendProofException extends VerificationException {

    public InvalidSendProofException(String message) {
        super(message);
    }
}
