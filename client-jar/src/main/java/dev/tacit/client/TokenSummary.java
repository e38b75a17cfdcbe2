package dev.tacit.client;

import dev.tacit.client.state.ClientState;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The unspent tokens this client holds (docs/protocol.md §2.1).
 *
 * @param firstContact tokens to pay for first messages to strangers
 * @param discovery    tokens of the current discovery window, to look numbers up
 */
public record TokenSummary(int firstContact, int discovery) {

    /** What {@code state} holds. */
    public static TokenSummary of(ClientState state) {
        return new TokenSummary(state.tokens(TokenPurpose.FIRST_CONTACT).size(),
                state.tokens(TokenPurpose.DISCOVERY).size());
    }
}
