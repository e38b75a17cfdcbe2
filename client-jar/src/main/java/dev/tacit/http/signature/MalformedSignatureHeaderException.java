package dev.tacit.http.signature;

import dev.tacit.crypto.MalformedEncodingException;

/** A Signature-Input, Signature or Content-Digest field that is not valid RFC 8941 syntax of the accepted subset, is too long, or carries a value of the wrong size. */
public class MalformedSignatureHeaderException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public MalformedSignatureHeaderException(String message) {
        super(message);
    }
}
