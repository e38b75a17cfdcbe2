package dev.tacit.crypto.identity;

import dev.tacit.crypto.VerificationFailedException;

/** A certification request whose proof of possession fails, or that asks for another number than the verified one. */
public class InvalidCertificationRequestException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public InvalidCertificationRequestException(String message) {
        super(message);
    }
}
