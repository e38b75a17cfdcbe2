package dev.tacit.server.reputation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.server.discovery.SpentTokenStore;
import dev.tacit.server.limits.AbuseCounterStore;
import dev.tacit.server.limits.Allowance;
import dev.tacit.server.limits.Allowances;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.StampIssuerKeys;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * Reputation (docs/protocol.md §4.24): an account presents unspent stamps, earned anonymously by refreshing released
 * first-contact tokens (§4.18), and gets one more first-contact token for them, a bounded number per period. One
 * transaction, all or nothing: the period's grant is counted under the counter's row lock, the stamps are recorded
 * as spent (a row per stamp with its key id and nonce only, no account), and the token request is blind-signed by
 * the first-contact key; any refusal rolls all of it back.
 */
@Stateless
public class ReputationService {

    /** The allowance's name in {@code abuse_counter}: first-contact tokens granted for stamps per account and period. */
    static final String GRANTS = "reputation-grants";

    @Inject
    StampIssuerKeys stampKeys;

    @Inject
    TokenIssuerKeys firstContactKeys;

    @Inject
    SpentTokenStore spentTokens;

    @Inject
    AbuseCounterStore counters;

    @Inject
    Allowances allowances;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /** A redemption's outcome: the first-contact token's blind signature, and what is left of the period's grants. */
    public record Redeemed(TokenResponse tokenResponse, int grantsLeft, Instant periodEnd) {
    }

    /**
     * Redeems {@code encodedStamps} for a blind signature on {@code encodedTokenRequest} with the first-contact key
     * that signs now, for {@code account}.
     *
     * @throws InvalidReputationRequestException naming {@code stamps}, {@code stamps[i]} or {@code tokenRequest}:
     *                                           not exactly the number of stamps a token costs, a stamp that does
     *                                           not decode or check out or repeats another, a token request that
     *                                           does not decode or is for another key; nothing is counted or spent
     * @throws ReputationCapReachedException     if the account has had its tokens of this period; nothing is spent
     * @throws StampAlreadySpentException        if a stamp was spent before; nothing is counted or spent
     */
    public Redeemed redeem(String account, List<byte[]> encodedStamps, byte[] encodedTokenRequest) {
        int perToken = settings.reputation().stampsPerToken();
        if (encodedStamps.size() != perToken) {
            throw new InvalidReputationRequestException("stamps", "a first-contact token costs exactly " + perToken
                    + " stamps, not " + encodedStamps.size());
        }
        TokenRequest request;
        try {
            request = firstContactKeys.requestForSigningKey(encodedTokenRequest);
        } catch (MalformedEncodingException e) {
            throw new InvalidReputationRequestException("tokenRequest", e.getMessage());
        }
        List<Token> stamps = checkStamps(encodedStamps);
        Instant now = clock.instant();
        Allowance grants = allowances.inFixedWindow(GRANTS, account, settings.reputation().tokensPerPeriod(),
                settings.reputation().period(), now);
        if (counters.takeUpTo(grants, 1) == 0) {
            throw new ReputationCapReachedException(grants.remainingAfter(now));
        }
        List<Token> spentBefore = spentTokens.spend(SpentTokenStore.Kind.STAMP, stamps);
        if (!spentBefore.isEmpty()) {
            throw new StampAlreadySpentException("stamps[" + stamps.indexOf(spentBefore.get(0)) + "]");
        }
        TokenResponse response;
        try {
            response = firstContactKeys.signingKey().blindSign(request);
        } catch (CryptoException e) {
            // a blinded message not below the modulus; the exception rolls the count and the stamps back
            throw new InvalidReputationRequestException("tokenRequest", e.getMessage());
        }
        return new Redeemed(response, grants.limit() - counters.used(grants), grants.windowEnd());
    }

    /** Decodes and checks every stamp; the first that fails refuses the redemption, named by its position. */
    private List<Token> checkStamps(List<byte[]> encodedStamps) {
        TokenChallenge challenge = challenge(settings.publicOrigin().authority());
        List<Token> stamps = new ArrayList<>(encodedStamps.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < encodedStamps.size(); i++) {
            String field = "stamps[" + i + "]";
            Token stamp;
            try {
                stamp = Token.decode(encodedStamps.get(i));
            } catch (MalformedEncodingException e) {
                throw new InvalidReputationRequestException(field, field + " is not a token (§2.1.4)");
            }
            Optional<String> refusal = stampKeys.refusal(stamp, challenge);
            if (refusal.isPresent()) {
                throw new InvalidReputationRequestException(field, field + " is not a stamp of this server: "
                        + refusal.get());
            }
            if (!seen.add(HexFormat.of().formatHex(stamp.keyId().encode()) + HexFormat.of().formatHex(stamp.nonce()))) {
                throw new InvalidReputationRequestException(field, field + " repeats an earlier stamp");
            }
            stamps.add(stamp);
        }
        return stamps;
    }

    /** The challenge every stamp is fetched for (§2.1.3): this server's issuer name, origin reputation, no context. */
    public static TokenChallenge challenge(String issuerName) {
        return TokenChallenge.forPurpose(issuerName, TokenPurpose.REPUTATION, RedemptionContext.none());
    }
}
