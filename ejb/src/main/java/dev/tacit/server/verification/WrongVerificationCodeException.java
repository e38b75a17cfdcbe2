package dev.tacit.server.verification;

/**
 * The code does not match the number in the current or the previous window. A code from an older window is
 * indistinguishable from a wrong one: the server keeps no record of what it sent.
 */
public final class WrongVerificationCodeException extends VerificationException {

    public WrongVerificationCodeException() {
        super("the verification code is wrong or has expired");
    }
}
