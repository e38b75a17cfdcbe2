package dev.tacit.crypto.token;

import dev.tacit.crypto.VerificationFailedException;

/**
 * A token's challenge_digest is not the digest of the TokenChallenge the verifier expects: the token was fetched
 * for another issuer, context or purpose.
 */
public class ChallengeMismatchException extends VerificationFailedException {

    private static final long serialVersionUID = 1L;

    public ChallengeMismatchException(String message) {
        super(message);
    }

    public ChallengeMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
