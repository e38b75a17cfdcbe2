package dev.tacit.arquillian;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tacit.client.TacitClientException;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.SentCode;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.TokenChallenge;

/**
 * Registration as a client does it, through the client library and the SMS provider stub, for tests that
 * need accounts.
 */
public final class TestAccounts {

    public static final SecureRandom RANDOM = new SecureRandom();

    /** The send {@link #verify} last asked for, per number, for {@link #confirmAgain}. */
    private static final Map<String, SentCode> LAST_SENT = new ConcurrentHashMap<>();

    private TestAccounts() {
    }

    /** The direct transport to the server under test, shared by the tests (it pools its connections). */
    private static final DirectTransport DIRECT = DirectTransport.to(URI.create("http://localhost:" + TestPorts.http()));

    public static DirectTransport api() {
        return DIRECT;
    }

    /** The suite's SOCKS5 proxy on loopback (a library's), started on first use, for anonymous requests. */
    private static LoopbackSocksProxy proxy;

    /**
     * The anonymous transport to the server under test, through the suite's SOCKS5 proxy on loopback: tests
     * send anonymous requests as clients do. {@code ClientTransportsIT} checks what goes through a proxy.
     */
    public static synchronized AnonymousTransport anonymous() {
        if (proxy == null) {
            proxy = LoopbackSocksProxy.start();
        }
        return AnonymousTransport.through(proxy.address(), URI.create("http://localhost:" + TestPorts.http()), RANDOM);
    }

    public static RegistrationClient client() {
        return new RegistrationClient(api());
    }

    /** Has a code texted to {@code number} and exchanges it for a verification token. */
    public static VerificationToken verify(String number) throws TacitClientException {
        RegistrationClient client = client();
        SentCode sent = client.requestCode(number);
        IssuedSecrets.remember(sent.sendProof());
        LAST_SENT.put(number, sent);
        String code = SmsProviderStub.latestCodeFor(number)
                .orElseThrow(() -> new AssertionError("no code was texted to " + number));
        return remembered(client.confirm(sent, code));
    }

    /** Exchanges the code {@link #verify} last had texted to {@code number} for another verification token. */
    public static VerificationToken confirmAgain(String number) throws TacitClientException {
        SentCode sent = LAST_SENT.get(number);
        String code = SmsProviderStub.latestCodeFor(number)
                .orElseThrow(() -> new AssertionError("no code was texted to " + number));
        return remembered(client().confirm(sent, code));
    }

    private static VerificationToken remembered(VerificationToken token) {
        IssuedSecrets.remember(token.value());
        return token;
    }

    /** The challenge registration tokens are blinded for: first contact, with the issuer name the server publishes. */
    public static TokenChallenge challenge() throws TacitClientException {
        return client().server().firstContactChallenge();
    }

    /** Fresh keys for {@code number}, with tokens blinded for the server's current issuer key. */
    public static AccountSetup setup(String number) throws TacitClientException, MalformedEncodingException {
        return AccountSetup.generate(PhoneNumber.of(number), client().currentIssuerKey(ServerClock.instant()),
                challenge(), RANDOM);
    }

    /**
     * The server's CA that issues certificates now, pinned. The list of published CAs may also hold a
     * successor that signs only from later on.
     */
    public static PinnedCaVerifier pinnedCa() throws MalformedEncodingException {
        HttpResponse<byte[]> current = TacitHttp.getBytes(TacitHttp.API.resolve("ca-certificates/current"));
        if (current.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/ca-certificates/current answered " + current.statusCode());
        }
        return new PinnedCaVerifier(CaCertificate.fromBytes(current.body()));
    }

    /** Verifies and registers {@code number} with fresh keys, at the server's time. */
    public static RegisteredAccount register(String number) throws Exception {
        return client().register(verify(number), setup(number), pinnedCa(), ServerClock.instant());
    }
}
