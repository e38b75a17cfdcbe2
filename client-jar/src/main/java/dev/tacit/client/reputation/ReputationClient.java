package dev.tacit.client.reputation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.InvalidTokenSignatureException;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.RequestSigner;

/**
 * Redeeming reputation stamps (docs/protocol.md §4.24): a signed request over the direct transport that presents
 * exactly the number of stamps a first-contact token costs and a TokenRequest for the first-contact key that signs
 * now, and finalises the new token. The stamps were earned anonymously (§4.18); the server counts this account's
 * redemptions but cannot tell which first contacts the stamps came from.
 */
public final class ReputationClient {

    /** Where stamps are redeemed. */
    public static final String PATH = "/v1/account/reputation-tokens";
    /** Where the stamp keys are published (§4.3), in the issuer directory's shape. */
    public static final String STAMP_KEYS_PATH = "/v1/reputation/stamp-keys";

    private final DirectTransport direct;
    private final RequestSigner signer;

    public ReputationClient(DirectTransport direct, RequestSigner signer) {
        this.direct = direct;
        this.signer = signer;
    }

    /** A redemption's new first-contact token, and what is left of the period's grants. */
    public record Redeemed(Token token, int grantsLeft, Instant periodEnd) {
    }

    /**
     * Redeems {@code stamps} for a first-contact token blinded for {@code firstContactKey} (the key that signs
     * now, §4.3) and {@code challenge} (the server's first-contact challenge).
     *
     * @throws StampSpentException           if a stamp was spent before; nothing was spent or counted
     * @throws ReputationCapReachedException if this period's grants are used up; nothing was spent
     * @throws ProblemResponseException      on any other refusal, by its problem type
     */
    public Redeemed redeem(List<Token> stamps, IssuerPublicKey firstContactKey, TokenChallenge challenge,
                           SecureRandom random) throws TacitClientException {
        PendingToken pending = new TokenClient(firstContactKey, random).blind(challenge);
        JsonArrayBuilder encoded = Json.createArrayBuilder();
        stamps.forEach(stamp -> encoded.add(Base64Url.encode(stamp.encode())));
        JsonObject answer;
        try {
            answer = direct.signed("POST", PATH, Json.createObjectBuilder().add("stamps", encoded)
                    .add("tokenRequest", Base64Url.encode(pending.request().encode())).build(), signer);
        } catch (ProblemResponseException e) {
            throw typed(e);
        }
        try {
            Token token = pending.finalizeToken(TokenResponse.decode(
                    ServerAnswers.fromBase64Url(answer.getString("tokenResponse"))));
            return new Redeemed(token, answer.getInt("grantsLeft"), ServerAnswers.instant(answer, "periodEnd"));
        } catch (MalformedEncodingException | InvalidTokenSignatureException | RuntimeException e) {
            throw new ServerUnreachableException("the server's token response does not finalise", e);
        }
    }

    private static ProblemResponseException typed(ProblemResponseException problem) {
        if (StampSpentException.TYPE.equals(problem.type())) {
            return new StampSpentException(problem);
        }
        if (ReputationCapReachedException.TYPE.equals(problem.type())) {
            return new ReputationCapReachedException(problem);
        }
        return problem;
    }
}
