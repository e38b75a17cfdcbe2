package dev.tacit.client;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.http.PublicOrigin;

/**
 * What a server says about itself in {@code GET /v1/server} (docs/protocol.md §4.2).
 *
 * @param instanceId      the installation; when it changes, registration, certificate and tokens are gone
 * @param since           when the installation was created
 * @param protocolVersion the version of docs/protocol.md the server speaks
 * @param publicOrigin    the origin the server is reached at: request signatures cover its authority (§5.1)
 * @param issuerName      the token issuer's name, which token challenges carry (§2.1.3)
 * @param discoveryWindow          the length of a discovery window (§2.1.3)
 * @param discoveryTokensPerWindow the discovery tokens an account may obtain per window (§4.10)
 * @param stampsPerToken  the reputation stamps one first-contact token costs (§4.24)
 * @param reputationTokensPerPeriod the first-contact tokens an account may obtain for stamps per period (§4.24)
 * @param reputationPeriod the length of that period; periods start at its multiples since the epoch
 */
public record ServerDescription(UUID instanceId, Instant since, int protocolVersion, PublicOrigin publicOrigin,
                                String issuerName, Duration discoveryWindow, int discoveryTokensPerWindow,
                                int stampsPerToken, int reputationTokensPerPeriod, Duration reputationPeriod) {

    /** The challenge registration tokens are blinded for: first contact, for this issuer (§2.1.3). */
    public TokenChallenge firstContactChallenge() {
        return TokenChallenge.forPurpose(issuerName, TokenPurpose.FIRST_CONTACT, RedemptionContext.none());
    }

    /** The challenge reputation stamps are blinded for: reputation, for this issuer, no context (§2.1.3). */
    public TokenChallenge stampChallenge() {
        return TokenChallenge.forPurpose(issuerName, TokenPurpose.REPUTATION, RedemptionContext.none());
    }

    /** The discovery window that contains {@code now} (§2.1.3). */
    public DiscoveryWindow discoveryWindowAt(Instant now) {
        return DiscoveryWindow.containing(now, discoveryWindow);
    }
}
