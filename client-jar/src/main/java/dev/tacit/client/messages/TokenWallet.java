package dev.tacit.client.messages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

import dev.tacit.crypto.token.Token;

/**
 * This client's first-contact tokens (docs/protocol.md §4.19): the unspent ones, and the spent ones whose state
 * it checks from time to time to refresh those released. Thread-safe; holds tokens, which are secrets: never printed.
 */
public final class TokenWallet {

    private final Deque<Token> unspent = new ArrayDeque<>();
    private final List<Token> spent = new ArrayList<>();

    public TokenWallet(Collection<Token> tokens) {
        unspent.addAll(tokens);
    }

    /**
     * Takes an unspent token for a first contact; it counts as spent from now on.
     *
     * @throws OutOfTokensException if none is left
     */
    public synchronized Token take() throws OutOfTokensException {
        Token token = unspent.pollFirst();
        if (token == null) {
            throw new OutOfTokensException();
        }
        spent.add(token);
        return token;
    }

    /** Puts back a token whose send was not answered (so it may not have been spent). */
    public synchronized void putBack(Token token) {
        if (spent.remove(token)) {
            unspent.addFirst(token);
        }
    }

    /** Replaces a spent token by the new token its refresh gave. */
    public synchronized void refreshed(Token old, Token fresh) {
        if (spent.remove(old)) {
            unspent.addLast(fresh);
        }
    }

    /** Forgets a spent token that will not come back (burned, or refreshed before). */
    public synchronized void discard(Token token) {
        spent.remove(token);
    }

    public synchronized int unspentCount() {
        return unspent.size();
    }

    /** The spent tokens, whose state to check. */
    public synchronized List<Token> spent() {
        return List.copyOf(spent);
    }

    @Override
    public synchronized String toString() {
        return "TokenWallet[unspent=" + unspent.size() + ", spent=" + spent.size() + "]";
    }
}
