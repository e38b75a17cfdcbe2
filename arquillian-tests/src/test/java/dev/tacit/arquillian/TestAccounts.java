package dev.tacit.arquillian;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.client.JsonApi;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * Registration as a client does it, through the client library and the SMS provider stub, for tests that
 * need accounts.
 */
public final class TestAccounts {

    public static final SecureRandom RANDOM = new SecureRandom();
    /** The challenge registration tokens are blinded for in these tests. */
    public static final TokenChallenge CHALLENGE = TokenChallenge.forPurpose("localhost", TokenPurpose.FIRST_CONTACT,
            RedemptionContext.none());

    private static final List<String> TOKENS = new ArrayList<>();

    private TestAccounts() {
    }

    public static JsonApi api() {
        return new JsonApi(URI.create("http://localhost:" + TestPorts.http()), HttpClient.newHttpClient());
    }

    public static RegistrationClient client() {
        return new RegistrationClient(api());
    }

    /** Has a code texted to {@code number} and exchanges it for a verification token. */
    public static VerificationToken verify(String number) throws TacitClientException {
        RegistrationClient client = client();
        client.requestCode(number);
        String code = SmsProviderStub.latestCodeFor(number)
                .orElseThrow(() -> new AssertionError("no code was texted to " + number));
        return remembered(client.confirm(number, code));
    }

    /** Exchanges the code last texted to {@code number} for another verification token. */
    public static VerificationToken confirmAgain(String number) throws TacitClientException {
        String code = SmsProviderStub.latestCodeFor(number)
                .orElseThrow(() -> new AssertionError("no code was texted to " + number));
        return remembered(client().confirm(number, code));
    }

    /** Verification tokens the suite was given, which the server must never log. */
    public static synchronized List<String> verificationTokens() {
        return List.copyOf(TOKENS);
    }

    private static synchronized VerificationToken remembered(VerificationToken token) {
        TOKENS.add(token.value());
        return token;
    }

    /** Fresh keys for {@code number}, with tokens blinded for the server's current issuer key. */
    public static AccountSetup setup(String number) throws TacitClientException, MalformedEncodingException {
        return AccountSetup.generate(PhoneNumber.of(number), client().currentIssuerKey(Instant.now()), CHALLENGE, RANDOM);
    }

    /** The server's CA, pinned. */
    public static PinnedCaVerifier pinnedCa() throws TacitClientException {
        List<CaCertificate> certificates = client().caCertificates();
        return new PinnedCaVerifier(certificates.get(certificates.size() - 1));
    }

    /** Verifies and registers {@code number} with fresh keys. */
    public static RegisteredAccount register(String number) throws Exception {
        return client().register(verify(number), setup(number), pinnedCa(), Instant.now());
    }
}
