package dev.tacit.crypto.identity;

import dev.tacit.crypto.VerificationFailedException;

/** A certificate that does not chain to the pinned server CA, is out of its validity period, or is not an end-entity identity certificate. */
public class UntrustedCertificateException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public UntrustedCertificateException(String message) {
        super(message);
    }

    public UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
