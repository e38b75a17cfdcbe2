package dev.tacit.client.discovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;

import dev.tacit.client.JsonApi;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerDescription;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

/**
 * Contact discovery for one account (docs/protocol.md §4.10, §4.11): fetches the current window's allowance of
 * discovery tokens over the account's signed channel, keeps the unspent ones, and spends one per number on
 * anonymous look-ups, whose answers come back verified against the pinned CA. When a new window starts, the
 * previous window's tokens (no longer accepted) are dropped and the new allowance is fetched. A token leaves
 * the wallet when a look-up carrying it is sent, whatever the outcome, so that no token is ever sent twice (a
 * second use would link two look-ups). Thread-safe; the tokens live in memory only.
 */
public final class DiscoveryClient {

    /** The most numbers, and token requests, one request may carry (§4.10, §4.11). */
    public static final int MAX_PER_REQUEST = 100;

    private final DiscoveryApi discovery;
    private final RegistrationClient server;
    private final RequestSigner signer;
    private final Clock clock;
    private final SecureRandom random;

    private DiscoveryWindow window;
    private final Deque<Token> unspent = new ArrayDeque<>();
    private boolean allowanceExhausted;

    /**
     * @param number   the account's number, and {@code identity} its identity key, which sign allowance requests
     * @param pinnedCa the CA that certifies the accounts a look-up finds
     * @param clock    decides the current window and checks certificates
     */
    public DiscoveryClient(JsonApi api, PhoneNumber number, IdentityKeyPair identity, PinnedCaVerifier pinnedCa,
                           Clock clock, SecureRandom random) {
        this.discovery = new DiscoveryApi(api, pinnedCa, clock);
        this.server = new RegistrationClient(api);
        this.signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), clock, random);
        this.clock = clock;
        this.random = random;
    }

    /** The unspent tokens this client holds for the window it last fetched tokens in. */
    public synchronized int unspentTokens() {
        return unspent.size();
    }

    /**
     * Fetches what is left of the current window's allowance: as many tokens as the server still grants, up to
     * the allowance it publishes. Tokens of a past window are dropped first.
     *
     * @return how many tokens were added
     */
    public synchronized int refill() throws TacitClientException {
        ServerDescription description = server.server();
        DiscoveryWindow current = description.discoveryWindowAt(clock.instant());
        if (!current.equals(window)) {
            window = current;
            unspent.clear();
            allowanceExhausted = false;
        }
        if (allowanceExhausted) {
            return 0;
        }
        IssuerPublicKey key = discovery.keyFor(current);
        TokenChallenge challenge = current.challenge(description.issuerName());
        TokenClient tokens = new TokenClient(key, random);
        int added = 0;
        while (!allowanceExhausted) {
            int wanted = Math.min(MAX_PER_REQUEST, description.discoveryTokensPerWindow() - added);
            if (wanted <= 0) {
                break;
            }
            List<PendingToken> pending = new ArrayList<>(wanted);
            for (int i = 0; i < wanted; i++) {
                pending.add(tokens.blind(challenge));
            }
            DiscoveryApi.ObtainedTokens obtained;
            try {
                obtained = discovery.obtain(pending, signer);
            } catch (ProblemResponseException e) {
                if (e.status() != 429) {
                    throw e;
                }
                allowanceExhausted = true;
                break;
            }
            if (!obtained.windowStart().equals(current.start()) || !obtained.windowEnd().equals(current.end())) {
                throw new ServerUnreachableException("the server issued tokens for another window than "
                        + current.start() + "; is this device's clock right?");
            }
            unspent.addAll(obtained.tokens());
            added += obtained.tokens().size();
            allowanceExhausted = obtained.tokens().size() < wanted;
        }
        return added;
    }

    /**
     * Looks {@code numbers} up, spending one token each, fetching the window's allowance first if too few are
     * held.
     *
     * @param numbers 1 to {@value #MAX_PER_REQUEST} distinct numbers
     * @return one result per number, in order; registered numbers with their verified keys
     * @throws DiscoveryAllowanceSpentException if fewer tokens are left in this window than numbers asked for
     * @throws UntrustedKeyBundleException      if the server's answer carries keys that do not check out
     */
    public synchronized List<ContactLookup> lookUp(List<PhoneNumber> numbers) throws TacitClientException {
        if (numbers.isEmpty() || numbers.size() > MAX_PER_REQUEST || new HashSet<>(numbers).size() != numbers.size()) {
            throw new IllegalArgumentException("look up 1 to " + MAX_PER_REQUEST + " distinct numbers at a time");
        }
        if (window == null || !window.contains(clock.instant()) || unspent.size() < numbers.size()) {
            refill();
        }
        if (unspent.size() < numbers.size()) {
            throw new DiscoveryAllowanceSpentException(unspent.size(), window.end());
        }
        List<Token> paying = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            paying.add(unspent.removeFirst());
        }
        return discovery.lookUp(List.copyOf(numbers), paying);
    }

    @Override
    public synchronized String toString() {
        return "DiscoveryClient[" + unspent.size() + " unspent tokens]";
    }
}
