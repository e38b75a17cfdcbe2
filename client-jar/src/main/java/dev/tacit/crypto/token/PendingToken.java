package dev.tacit.crypto.token;

import java.math.BigInteger;

/**
 * A token being fetched: the {@link TokenRequest} to send to the issuer and the client's secret blinding state
 * (RFC 9474's inv, kept here as the blinding factor r). Single use: {@link #finalizeToken} consumes the state
 * whether or not it succeeds, and the state never appears in {@link #toString()}.
 */
public final class PendingToken {

    private final IssuerPublicKey issuerKey;
    private final TokenRequest request;
    private byte[] tokenInput;
    private BigInteger blindingFactor;

    PendingToken(IssuerPublicKey issuerKey, byte[] tokenInput, BlindRsa.Blinded blinded) {
        this.issuerKey = issuerKey;
        this.tokenInput = tokenInput;
        this.blindingFactor = blinded.blindingFactor();
        this.request = new TokenRequest(issuerKey.keyId().truncated(), blinded.blindedMessage());
    }

    /** The request to send to the issuer. */
    public TokenRequest request() {
        return request;
    }

    /**
     * Unblinds the issuer's response into a token (RFC 9578 §6.3, RFC 9474 §4.4), checking the signature.
     *
     * @throws InvalidTokenSignatureException if the response is not a valid blind signature of this request under
     *                                        the issuer key (a wrong key, or a tampered or unrelated response)
     * @throws IllegalStateException          if this pending token was already finalized
     */
    public synchronized Token finalizeToken(TokenResponse response) throws InvalidTokenSignatureException {
        if (tokenInput == null) {
            throw new IllegalStateException("this pending token was already finalized");
        }
        byte[] input = tokenInput;
        BigInteger factor = blindingFactor;
        tokenInput = null;
        blindingFactor = null;
        byte[] authenticator = BlindRsa.finalizeSignature(issuerKey.rsaKey(), BlindRsaVariant.SHA384_PSS_DETERMINISTIC,
                input, response.blindSignature(), factor);
        return Token.assemble(input, issuerKey.keyId(), authenticator);
    }

    @Override
    public synchronized String toString() {
        return "PendingToken[keyId=" + issuerKey.keyId() + (tokenInput == null ? ", finalized]" : ", pending]");
    }
}
