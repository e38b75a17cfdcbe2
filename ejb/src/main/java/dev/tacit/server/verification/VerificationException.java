package dev.tacit.server.verification;

import jakarta.ejb.ApplicationException;

/**
 * An expected failure of phone verification, caused by the request rather than the server; each subclass is
 * one kind. Reaches callers unwrapped and rolls back any transaction the caller runs.
 */
@ApplicationException(rollback = true)
public abstract class VerificationException extends RuntimeException {

    protected VerificationException(String message) {
        super(message, null, false, false);
    }
}
