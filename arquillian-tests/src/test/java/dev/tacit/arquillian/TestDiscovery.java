package dev.tacit.arquillian;

import java.util.ArrayList;
import java.util.List;

import dev.tacit.client.ServerDescription;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.discovery.DiscoveryClient;
import dev.tacit.client.discovery.DiscoveryWallet;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.MalformedEncodingException;
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
 * Contact discovery through the client library, for tests: an account's {@link DiscoveryClient} (its tokens in
 * memory, its look-ups through the suite's SOCKS5 proxy), and tokens made one call at a time with
 * {@link DiscoveryApi}, for tests that must hold tokens themselves (to replay them, to spend them in another
 * window, or to blind them for the wrong challenge). Clocks follow the server's.
 */
public final class TestDiscovery {

    private TestDiscovery() {
    }

    /** The account's discovery client, with the server's current CA pinned. */
    public static DiscoveryClient client(RegisteredAccount account) throws MalformedEncodingException {
        return new DiscoveryClient(api(), TestAccounts.client(), signer(account), DiscoveryWallet.inMemory(),
                ServerClock.clock(), TestAccounts.RANDOM);
    }

    /** The discovery calls, with the server's current CA pinned. */
    public static DiscoveryApi api() throws MalformedEncodingException {
        return new DiscoveryApi(TestAccounts.api(), TestAccounts.anonymous(), TestAccounts.pinnedCa(), ServerClock.clock());
    }

    /** The signer of the account's requests. */
    public static RequestSigner signer(RegisteredAccount account) {
        return new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(),
                account.keys().identity()), ServerClock.clock(), TestAccounts.RANDOM);
    }

    /** The server's description, for its issuer name and discovery window. */
    public static ServerDescription server() throws TacitClientException {
        return TestAccounts.client().server();
    }

    /** The discovery window the server's clock is in. */
    public static DiscoveryWindow currentWindow() throws TacitClientException {
        return server().discoveryWindowAt(ServerClock.instant());
    }

    /** {@code count} tokens blinded for {@code key} and {@code challenge}, not yet sent. */
    public static List<PendingToken> pending(IssuerPublicKey key, TokenChallenge challenge, int count) {
        TokenClient client = new TokenClient(key, TestAccounts.RANDOM);
        List<PendingToken> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(client.blind(challenge));
        }
        return pending;
    }

    /** {@code count} discovery tokens of the current window, obtained by the account as a client would. */
    public static List<Token> tokens(RegisteredAccount account, int count) throws Exception {
        DiscoveryWindow window = currentWindow();
        DiscoveryApi.ObtainedTokens obtained = api().obtain(pending(api().keyFor(window),
                window.challenge(server().issuerName()), count), signer(account));
        if (obtained.tokens().size() != count) {
            throw new IllegalStateException("the server granted " + obtained.tokens().size() + " of " + count + " tokens");
        }
        return obtained.tokens();
    }

    /** The pinned CA of the suite's server, for checks of answers. */
    public static PinnedCaVerifier pinnedCa() throws MalformedEncodingException {
        return TestAccounts.pinnedCa();
    }
}
