package dev.tacit.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.reputation.NotEnoughStampsException;
import dev.tacit.client.reputation.ReputationCapReachedException;
import dev.tacit.client.reputation.ReputationClient;
import dev.tacit.client.reputation.StampSpentException;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.http.signature.RequestSigner;

/**
 * The reputation operations of {@link TacitClient} over its state directory (docs/protocol.md §4.24, §4.25): stamps
 * are earned with refreshes ({@link Messaging#refreshTokens()}); once enough are held a redemption is planned at a
 * random later time, drawn like a release's, so that the signed redemption does not follow the anonymous refreshes
 * at once; when it is due, the stamps leave the state (saved) before the signed request that spends them.
 */
final class Reputation {

    private final StateDirectory state;
    private final DirectTransport direct;
    private final RequestSigner signer;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration window;

    Reputation(StateDirectory state, DirectTransport direct, RequestSigner signer, Clock clock, SecureRandom random,
               Duration window) {
        this.state = state;
        this.direct = direct;
        this.signer = signer;
        this.clock = clock;
        this.random = random;
        this.window = window;
    }

    /**
     * Plans a redemption at a random time within {@code window} from {@code now} if at least {@code perToken}
     * stamps are held and none is planned; drops the plan if too few are held. Changes the records in memory only.
     */
    static void planRedemption(ClientState records, int perToken, Instant now, SecureRandom random, Duration window) {
        int held = records.tokens(TokenPurpose.REPUTATION).size();
        if (held < perToken) {
            records.setPlannedRedemption(null);
        } else if (records.plannedRedemption().isEmpty()) {
            records.setPlannedRedemption(now.plus(MailboxClient.randomReleaseDelay(random, window)));
        }
    }

    /** Redeems the stamps a token costs now, whatever the plan says. */
    StampRedemption redeem() throws TacitClientException {
        RegistrationClient registration = new RegistrationClient(direct);
        ServerDescription server = registration.server();
        int perToken = server.stampsPerToken();
        ClientState records = state.state();
        List<Token> held = records.tokens(TokenPurpose.REPUTATION);
        if (held.size() < perToken) {
            records.setPlannedRedemption(null);
            state.save();
            throw new NotEnoughStampsException(held.size(), perToken);
        }
        var key = registration.currentIssuerKey(clock.instant());
        List<Token> stamps = new ArrayList<>(held.subList(0, perToken));
        stamps.forEach(stamp -> records.takeToken(TokenPurpose.REPUTATION));
        state.save(); // the stamps count as spent before they leave this machine
        ReputationClient.Redeemed redeemed;
        try {
            redeemed = new ReputationClient(direct, signer).redeem(stamps, key, server.firstContactChallenge(), random);
        } catch (StampSpentException e) {
            // That one is gone; the others were not spent and come back.
            List<Token> back = new ArrayList<>(stamps);
            e.stampIndex().filter(i -> i < back.size()).ifPresent(i -> back.remove((int) i));
            putBack(records, back, perToken, clock.instant());
            throw e;
        } catch (ReputationCapReachedException e) {
            putBack(records, stamps, perToken, clock.instant().plus(e.retryAfter().orElse(Duration.ZERO)));
            throw e;
        } catch (TacitClientException e) {
            // Refused, or never sent: nothing was spent. (An answer lost after the server spent them leaves them
            // spent: a repeat is refused as stamp-already-spent, and the next refusal drops them one by one.)
            putBack(records, stamps, perToken, clock.instant());
            throw e;
        }
        records.addTokens(TokenPurpose.FIRST_CONTACT, List.of(redeemed.token()));
        records.setPlannedRedemption(null);
        planRedemption(records, perToken, clock.instant(), random, window);
        state.save();
        return new StampRedemption(perToken, redeemed.grantsLeft(), redeemed.periodEnd());
    }

    private void putBack(ClientState records, List<Token> stamps, int perToken, Instant from) throws TacitClientException {
        records.addTokens(TokenPurpose.REPUTATION, stamps);
        records.setPlannedRedemption(null);
        planRedemption(records, perToken, from, random, window);
        state.save();
    }
}
