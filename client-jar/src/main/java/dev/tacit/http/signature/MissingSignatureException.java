package dev.tacit.http.signature;

import dev.tacit.crypto.MalformedEncodingException;

/** A request without the Signature-Input or Signature field: unsigned. */
public class MissingSignatureException extends MalformedEncodingException {

    private static final long serialVersionUID = 1L;

    public MissingSignatureException(String message) {
        super(message);
    }
}
