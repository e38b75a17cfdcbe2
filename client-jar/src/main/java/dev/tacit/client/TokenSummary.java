package dev.tacit.client;

import java.time.Instant;
import java.util.Optional;

import dev.tacit.client.messages.TokenState;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.HeldTokenRecord;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The tokens this client holds (docs/protocol.md §2.1, §4.19), as its state records them; asks nothing of the server.
 *
 * @param firstContact     unspent tokens to pay for first messages to strangers
 * @param discovery        unspent tokens of the current discovery window, to look numbers up
 * @param awaiting         first-contact tokens spent and not back yet (attached to their recipient, releasing, or
 *                         released and not yet exchanged; {@link TacitClient#refreshTokens()} asks)
 * @param released         of those, the ones last seen released: a refresh exchanges them
 * @param heldFirstContacts first contacts received whose token this account has neither released nor reported
 * @param plannedReleases  of those, the ones whose release is planned
 * @param nextRelease      when the next planned release is due
 * @param stamps           reputation stamps held, earned with refreshes, redeemed for first-contact tokens (§4.24)
 * @param plannedRedemption when the stamps are to be redeemed, once enough are held
 */
public record TokenSummary(int firstContact, int discovery, int awaiting, int released, int heldFirstContacts,
                           int plannedReleases, Optional<Instant> nextRelease, int stamps,
                           Optional<Instant> plannedRedemption) {

    /** What {@code state} holds. */
    public static TokenSummary of(ClientState state) {
        int released = (int) state.sentTokens().stream().filter(t -> t.lastState() == TokenState.RELEASED).count();
        Optional<Instant> next = state.heldTokens().stream().map(HeldTokenRecord::releaseAt).flatMap(Optional::stream)
                .min(Instant::compareTo);
        return new TokenSummary(state.tokens(TokenPurpose.FIRST_CONTACT).size(),
                state.tokens(TokenPurpose.DISCOVERY).size(), state.sentTokens().size(), released,
                state.heldTokens().size(),
                (int) state.heldTokens().stream().filter(h -> h.releaseAt().isPresent()).count(), next,
                state.tokens(TokenPurpose.REPUTATION).size(), state.plannedRedemption());
    }
}
