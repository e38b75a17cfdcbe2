package dev.tacit.client.discovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.ServerDescription;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.http.signature.RequestSigner;

/**
 * Contact discovery for one account (docs/protocol.md §4.10, §4.11): fetches the current window's allowance of
 * discovery tokens over the account's signed channel, keeps the unspent ones in a {@link DiscoveryWallet}, and
 * spends one per number on anonymous look-ups, whose answers come back verified against the pinned CA. When a new
 * window starts, the previous window's tokens (no longer accepted) are dropped and the new allowance is fetched. A
 * token leaves the wallet before a look-up carrying it is sent and does not come back, whatever the outcome, so
 * that no token is ever sent twice (a second use would link two look-ups); only a look-up that never left this
 * machine, because the proxy could not be reached, gives its tokens back. Thread-safe.
 */
public final class DiscoveryClient {

    /** The most numbers, and token requests, one request may carry (§4.10, §4.11). */
    public static final int MAX_PER_REQUEST = 100;

    private final DiscoveryApi discovery;
    private final RegistrationClient server;
    private final RequestSigner signer;
    private final DiscoveryWallet wallet;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param discovery the calls: allowance direct and signed, look-ups anonymous
     * @param server    describes the server: its issuer name, window length and allowance
     * @param signer    signs allowance requests as the account
     * @param wallet    keeps the unspent tokens
     * @param clock     decides the current window
     */
    public DiscoveryClient(DiscoveryApi discovery, RegistrationClient server, RequestSigner signer,
                           DiscoveryWallet wallet, Clock clock, SecureRandom random) {
        this.discovery = discovery;
        this.server = server;
        this.signer = signer;
        this.wallet = wallet;
        this.clock = clock;
        this.random = random;
    }

    /** The unspent tokens this client holds for the window it last fetched tokens in. */
    public synchronized int unspentTokens() {
        return wallet.size();
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
        if (!wallet.window().equals(Optional.of(current))) {
            wallet.startWindow(current);
        }
        if (wallet.allowanceSpent()) {
            return 0;
        }
        IssuerPublicKey key = discovery.keyFor(current);
        TokenChallenge challenge = current.challenge(description.issuerName());
        TokenClient tokens = new TokenClient(key, random);
        int added = 0;
        while (!wallet.allowanceSpent()) {
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
                wallet.add(List.of(), true);
                break;
            }
            if (!obtained.windowStart().equals(current.start()) || !obtained.windowEnd().equals(current.end())) {
                throw new ServerUnreachableException("the server issued tokens for another window than "
                        + current.start() + "; is this device's clock right?");
            }
            wallet.add(obtained.tokens(), obtained.tokens().size() < wanted);
            added += obtained.tokens().size();
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
     * @throws ProxyUnreachableException        if the look-up could not go through the proxy: nothing was sent,
     *                                          the tokens are kept
     */
    public synchronized List<ContactLookup> lookUp(List<PhoneNumber> numbers) throws TacitClientException {
        if (numbers.isEmpty() || numbers.size() > MAX_PER_REQUEST || new HashSet<>(numbers).size() != numbers.size()) {
            throw new IllegalArgumentException("look up 1 to " + MAX_PER_REQUEST + " distinct numbers at a time");
        }
        Optional<DiscoveryWindow> window = wallet.window();
        if (window.isEmpty() || !window.get().contains(clock.instant()) || wallet.size() < numbers.size()) {
            refill();
        }
        if (wallet.size() < numbers.size()) {
            throw new DiscoveryAllowanceSpentException(wallet.size(), wallet.window().orElseThrow().end());
        }
        List<Token> paying = wallet.take(numbers.size());
        try {
            return discovery.lookUp(List.copyOf(numbers), paying);
        } catch (ProxyUnreachableException e) {
            wallet.giveBack(paying);
            throw e;
        }
    }

    @Override
    public synchronized String toString() {
        return "DiscoveryClient[" + wallet + "]";
    }
}
