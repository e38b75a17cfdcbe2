package dev.tacit.server.accounts;

import jakarta.ejb.ApplicationException;

/** A verification token that already registered an account; each registers at most once. */
@ApplicationException(rollback = true)
public class VerificationAlreadyUsedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VerificationAlreadyUsedException() {
        super("this verification token has already been used to register; verify the number again");
    }
}
