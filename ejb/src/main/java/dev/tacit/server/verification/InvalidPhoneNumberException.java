package dev.tacit.server.verification;

/** The input is not a valid phone number in international format. */
public final class InvalidPhoneNumberException extends VerificationException {

    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
