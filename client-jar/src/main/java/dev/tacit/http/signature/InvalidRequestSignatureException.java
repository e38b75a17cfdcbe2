package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;

/** A well-formed, fresh signature that does not verify under the account's key: forged or tampered. */
public class InvalidRequestSignatureException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestSignatureException(String message) {
        super(message);
    }
}
