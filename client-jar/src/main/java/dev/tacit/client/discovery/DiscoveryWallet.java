package dev.tacit.client.discovery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.Token;

/**
 * Where a {@link DiscoveryClient} keeps one window's unspent discovery tokens: in memory ({@link #inMemory()}),
 * or in the client's state directory, so that they outlast the process. An implementation that stores them
 * keeps every change before it returns: tokens taken for a look-up are gone from the store before the look-up is
 * sent, so that no token is ever sent twice, even after a crash.
 */
public interface DiscoveryWallet {

    /** The window the tokens held belong to; empty before the first allowance. */
    Optional<DiscoveryWindow> window();

    /** Whether the server has granted all of {@link #window()}'s allowance. */
    boolean allowanceSpent();

    /** How many unspent tokens are held. */
    int size();

    /** Starts {@code window}: the tokens of any other window are dropped (no longer accepted), none is spent. */
    void startWindow(DiscoveryWindow window) throws TacitClientException;

    /** Adds tokens of the current window; {@code allowanceSpent} if the server granted no more. */
    void add(List<Token> tokens, boolean allowanceSpent) throws TacitClientException;

    /** Takes the {@code count} oldest tokens out, for good unless {@link #giveBack given back}. */
    List<Token> take(int count) throws TacitClientException;

    /** Returns tokens {@link #take taken} for a request that was never sent. */
    void giveBack(List<Token> tokens) throws TacitClientException;

    /** A wallet in memory: its tokens die with the process. Thread-safe. */
    static DiscoveryWallet inMemory() {
        return new DiscoveryWallet() {
            private DiscoveryWindow window;
            private boolean spent;
            private final Deque<Token> unspent = new ArrayDeque<>();

            @Override
            public synchronized Optional<DiscoveryWindow> window() {
                return Optional.ofNullable(window);
            }

            @Override
            public synchronized boolean allowanceSpent() {
                return spent;
            }

            @Override
            public synchronized int size() {
                return unspent.size();
            }

            @Override
            public synchronized void startWindow(DiscoveryWindow started) {
                window = started;
                spent = false;
                unspent.clear();
            }

            @Override
            public synchronized void add(List<Token> tokens, boolean allowanceSpent) {
                unspent.addAll(tokens);
                spent = allowanceSpent;
            }

            @Override
            public synchronized List<Token> take(int count) {
                List<Token> taken = new ArrayList<>(count);
                for (int i = 0; i < count && !unspent.isEmpty(); i++) {
                    taken.add(unspent.removeFirst());
                }
                return taken;
            }

            @Override
            public synchronized void giveBack(List<Token> tokens) {
                for (int i = tokens.size() - 1; i >= 0; i--) {
                    unspent.addFirst(tokens.get(i));
                }
            }

            @Override
            public synchronized String toString() {
                return "DiscoveryWallet[in memory, " + unspent.size() + " unspent]";
            }
        };
    }
}
