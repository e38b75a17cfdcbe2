package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The client side of token issuance (RFC 9578 §6.1): for a challenge, draws a nonce, blinds the token input
 * for one issuer key and returns a {@link PendingToken} holding the request to send and the secret needed to
 * finalize the issuer's response.
 */
public final class TokenClient {

    private final IssuerPublicKey issuerKey;
    private final SecureRandom random;

    /** A client for tokens signed by {@code issuerKey}, the key the client was given out of band. */
    public TokenClient(IssuerPublicKey issuerKey, SecureRandom random) {
        this.issuerKey = issuerKey;
        this.random = random;
    }

    /** Starts fetching one token for {@code challenge}: fresh nonce, salt and blinding factor. */
    public PendingToken blind(TokenChallenge challenge) {
        byte[] nonce = new byte[TokenFormat.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] tokenInput = Token.authenticatorInput(nonce, challenge.digest(), issuerKey.keyId());
        try {
            BlindRsa.Blinded blinded = BlindRsa.blind(issuerKey.rsaKey(), BlindRsaVariant.SHA384_PSS_DETERMINISTIC,
                    tokenInput, random);
            return new PendingToken(issuerKey, tokenInput, blinded);
        } catch (MalformedEncodingException e) {
            // Happens only if the PSS encoding shares a factor with n, i.e. if n has been factored.
            throw new IllegalStateException("the token input cannot be blinded under this issuer key", e);
        }
    }

    /** {@link #blind} with every random value given, for test vectors and the protocol document's example. */
    PendingToken blind(TokenChallenge challenge, byte[] nonce, byte[] salt, BigInteger blindingFactor)
            throws MalformedEncodingException {
        byte[] tokenInput = Token.authenticatorInput(nonce, challenge.digest(), issuerKey.keyId());
        return new PendingToken(issuerKey, tokenInput, BlindRsa.blind(issuerKey.rsaKey(), tokenInput, salt, blindingFactor));
    }
}
