package dev.tacit.web.instance;

import java.time.Instant;
import java.util.UUID;

import dev.tacit.http.PublicOrigin;
import dev.tacit.server.instance.ServerInstance;
import dev.tacit.server.settings.TacitSettings;

/**
 * What a client learns about the server before anything else (docs/protocol.md §4.2).
 *
 * @param instanceId      identifies this installation; a change means the server's database was replaced
 * @param since           when this installation was created
 * @param protocolVersion the version of docs/protocol.md the server speaks
 * @param publicOrigin    the origin clients reach the server at; request signatures cover its authority (§5.1)
 * @param issuerName      the token issuer's name, the {@code issuer_name} of token challenges (§2.1.3)
 * @param discoveryWindowSeconds   the length of a discovery window (§2.1.3), whose key and allowance it has
 * @param discoveryTokensPerWindow the discovery tokens an account may obtain per window (§4.10)
 * @param reputationStampsPerToken  the stamps one first-contact token costs (§4.24)
 * @param reputationTokensPerPeriod the first-contact tokens an account may obtain for stamps per period (§4.24)
 * @param reputationPeriodSeconds   the length of that period; periods start at its multiples since the epoch
 * @param vapidPublicKey  the server's VAPID public key (RFC 8292), the {@code applicationServerKey} of Web Push
 *                        subscriptions (§4.21): an uncompressed P-256 point, base64url
 */
public record ServerDescription(UUID instanceId, Instant since, int protocolVersion, String publicOrigin,
                                String issuerName, long discoveryWindowSeconds, int discoveryTokensPerWindow,
                                int reputationStampsPerToken, int reputationTokensPerPeriod,
                                long reputationPeriodSeconds, String vapidPublicKey) {

    static final int PROTOCOL_VERSION = 1;

    static ServerDescription of(ServerInstance instance, TacitSettings settings, String vapidPublicKey) {
        PublicOrigin origin = settings.publicOrigin();
        return new ServerDescription(instance.instanceId(), instance.createdAt(), PROTOCOL_VERSION, origin.toString(),
                origin.authority(), settings.discovery().window().getSeconds(), settings.discovery().tokensPerWindow(),
                settings.reputation().stampsPerToken(), settings.reputation().tokensPerPeriod(),
                settings.reputation().period().getSeconds(), vapidPublicKey);
    }
}
