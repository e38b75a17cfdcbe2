package dev.tacit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tacit.client.discovery.DiscoveryWallet;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.DiscoveryAllowanceRecord;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.state.TokenRecord;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The discovery tokens of a state directory: {@link TokenRecord}s of purpose discovery and the
 * {@link DiscoveryAllowanceRecord} of their window, each change saved before the method returns.
 */
final class SavedDiscoveryWallet implements DiscoveryWallet {

    private final StateDirectory state;

    SavedDiscoveryWallet(StateDirectory state) {
        this.state = state;
    }

    @Override
    public Optional<DiscoveryWindow> window() {
        return state.state().discoveryAllowance().map(DiscoveryAllowanceRecord::window);
    }

    @Override
    public boolean allowanceSpent() {
        return state.state().discoveryAllowance().map(DiscoveryAllowanceRecord::allowanceSpent).orElse(false);
    }

    @Override
    public int size() {
        return state.state().tokens(TokenPurpose.DISCOVERY).size();
    }

    @Override
    public void startWindow(DiscoveryWindow window) throws TacitClientException {
        ClientState records = state.state();
        records.removeIf(TokenRecord.class, token -> token.purpose() == TokenPurpose.DISCOVERY);
        records.setDiscoveryAllowance(new DiscoveryAllowanceRecord(window, false));
        state.save();
    }

    @Override
    public void add(List<Token> tokens, boolean allowanceSpent) throws TacitClientException {
        ClientState records = state.state();
        DiscoveryWindow window = window().orElseThrow(() -> new IllegalStateException("no window started"));
        records.addTokens(TokenPurpose.DISCOVERY, tokens);
        records.setDiscoveryAllowance(new DiscoveryAllowanceRecord(window, allowanceSpent));
        state.save();
    }

    @Override
    public List<Token> take(int count) throws TacitClientException {
        List<Token> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            state.state().takeToken(TokenPurpose.DISCOVERY).ifPresent(taken::add);
        }
        state.save();
        return taken;
    }

    @Override
    public void giveBack(List<Token> tokens) throws TacitClientException {
        state.state().addTokens(TokenPurpose.DISCOVERY, tokens);
        state.save();
    }

    @Override
    public String toString() {
        return "DiscoveryWallet[" + state + ", " + size() + " unspent]";
    }
}
