package dev.tacit.http.signature;

import dev.tacit.crypto.MalformedEncodingException;

/** A well-formed signature that is not Tacit's profile (docs/protocol.md §5): other labels, covered components or parameters, algorithm or tag. */
public class SignatureProfileException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public SignatureProfileException(String message) {
        super(message);
    }
}
