package dev.tacit.http.signature;

import dev.tacit.crypto.MalformedEncodingException;

/** A covered component the request does not have, such as a covered header field that is absent. */
public class MissingComponentException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public MissingComponentException(String message) {
        super(message);
    }
}
