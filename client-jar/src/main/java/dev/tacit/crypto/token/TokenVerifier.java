package dev.tacit.crypto.token;

/**
 * Server-side token verification (RFC 9578 §6.4): finds the issuer key named by the token's token_key_id in an
 * {@link IssuerKeyRing} and checks the authenticator with RSASSA-PSS (SHA-384, MGF1-SHA-384, 48-byte salt).
 * Thread-safe. Whether a token was already spent is the caller's business.
 */
public final class TokenVerifier {

    private final IssuerKeyRing keys;

    public TokenVerifier(IssuerKeyRing keys) {
        this.keys = keys;
    }

    /**
     * Checks that {@code token} was issued under a key of the ring.
     *
     * @throws UnknownTokenKeyException       if its token_key_id is not in the ring
     * @throws InvalidTokenSignatureException if its authenticator does not verify
     */
    public void verify(Token token) throws UnknownTokenKeyException, InvalidTokenSignatureException {
        IssuerPublicKey key = keys.find(token.keyId())
                .orElseThrow(() -> new UnknownTokenKeyException("no issuer key with token_key_id " + token.keyId()));
        if (!BlindRsa.verify(key.rsaKey(), BlindRsaVariant.SHA384_PSS_DETERMINISTIC, token.authenticatorInput(),
                token.authenticator())) {
            throw new InvalidTokenSignatureException("the token's authenticator does not verify under key " + token.keyId());
        }
    }

    /**
     * Checks that {@code token} was fetched for {@code expected} and issued under a key of the ring.
     *
     * @throws ChallengeMismatchException if its challenge_digest is not SHA-256 of {@code expected}
     */
    public void verify(Token token, TokenChallenge expected)
            throws ChallengeMismatchException, UnknownTokenKeyException, InvalidTokenSignatureException {
        if (!token.isFor(expected)) {
            throw new ChallengeMismatchException("the token was not fetched for " + expected);
        }
        verify(token);
    }
}
