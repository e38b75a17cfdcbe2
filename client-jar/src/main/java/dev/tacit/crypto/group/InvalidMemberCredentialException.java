package dev.tacit.crypto.group;

import dev.tacit.crypto.MalformedEncodingException;

/** A member credential whose (A, x) is well formed but is not a member key of its group. */
public class InvalidMemberCredentialException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public InvalidMemberCredentialException(String message) {
        super(message);
    }
}
