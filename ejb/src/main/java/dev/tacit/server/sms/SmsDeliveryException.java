package dev.tacit.server.sms;

import jakarta.ejb.ApplicationException;

/** The SMS provider refused a message or could not be reached: a failure of a third party, not of the request. */
@ApplicationException(rollback = true)
public final class SmsDeliveryException extends RuntimeException {

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
