package dev.tacit.server.verification;

/** The code is not the code of the send whose proof came with it (or not six digits at all). */
public final class WrongVerificationCodeException extends VerificationException {

    public WrongVerificationCodeException() {
        super("the verification code is wrong");
    }
}
