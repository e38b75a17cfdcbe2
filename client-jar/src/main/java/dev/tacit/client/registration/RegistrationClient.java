package dev.tacit.client.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerDescription;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.HttpAnswer;
import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.CertifiedIdentity;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PemCertificateChain;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.PublicOrigin;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

import static dev.tacit.client.ServerAnswers.instant;
import static dev.tacit.client.ServerAnswers.string;

/**
 * The client side of registration (docs/protocol.md §4): verify a number by SMS, then register it with an
 * {@link AccountSetup}; or re-register an account for new keys with its current identity key. The calls go over
 * the {@link DirectTransport}: registering names the number anyway. Each call is one HTTP request; failures are
 * typed ({@link ProblemResponseException} carries the server's problem type,
 * {@link RegistrationLockedException} says a number's account is in use).
 */
public final class RegistrationClient {

    /** The server's description (§4.2). */
    public static final String SERVER_PATH = "/v1/server";
    /** The token-issuer directory (§4.3). */
    public static final String ISSUER_DIRECTORY_PATH = "/.well-known/private-token-issuer-directory";
    /** The issuer directory's media type. */
    public static final String ISSUER_DIRECTORY_TYPE = "application/private-token-issuer-directory";

    private final DirectTransport api;

    public RegistrationClient(DirectTransport api) {
        this.api = api;
    }

    /** What the server says about itself (§4.2): its installation, its public origin and its issuer name. */
    public ServerDescription server() throws TacitClientException {
        return description(api.getJson(SERVER_PATH, "application/json"));
    }

    /** The server's description from its answer to {@value #SERVER_PATH}, fetched over any transport. */
    public static ServerDescription description(JsonObject answer) throws ServerUnreachableException {
        try {
            return new ServerDescription(UUID.fromString(string(answer, "instanceId")), instant(answer, "since"),
                    answer.getInt("protocolVersion"), PublicOrigin.parse(string(answer, "publicOrigin")),
                    string(answer, "issuerName"),
                    Duration.ofSeconds(answer.getJsonNumber("discoveryWindowSeconds").longValueExact()),
                    answer.getInt("discoveryTokensPerWindow"), answer.getInt("reputationStampsPerToken"),
                    answer.getInt("reputationTokensPerPeriod"),
                    Duration.ofSeconds(answer.getJsonNumber("reputationPeriodSeconds").longValueExact()));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | ArithmeticException e) {
            throw new ServerUnreachableException("the server's description does not check out", e);
        }
    }

    /**
     * Asks the server to text a verification code to {@code number} (international format, leading +). Keep
     * what it returns: confirming the code needs it.
     */
    public SentCode requestCode(String number) throws TacitClientException {
        JsonObject answer = api.post("/v1/verification/code", Json.createObjectBuilder().add("number", number).build());
        return new SentCode(number, string(answer, "sendProof"), instant(answer, "expiresAt"));
    }

    /** Exchanges the code texted with {@code sent} for a verification token. */
    public VerificationToken confirm(SentCode sent, String code) throws TacitClientException {
        JsonObject answer = api.post("/v1/verification/confirm", Json.createObjectBuilder()
                .add("number", sent.number())
                .add("code", code)
                .add("sendProof", sent.sendProof())
                .build());
        return new VerificationToken(string(answer, "verificationToken"), instant(answer, "expiresAt"));
    }

    /** The server's CA certificates (§4.4), to pin. Fetch them over a channel you trust. */
    public List<CaCertificate> caCertificates() throws TacitClientException {
        HttpAnswer response = api.get("/v1/ca-certificates", "application/pem-certificate-chain");
        try {
            return PemCertificateChain.read(response.body());
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server's CA certificates do not decode", e);
        }
    }

    /**
     * The server's CA that issues certificates now (§4.4): what a new registration's certificate chains to.
     * {@link #caCertificates()} may also list a successor that only signs from later on.
     */
    public CaCertificate currentCaCertificate() throws TacitClientException {
        HttpAnswer response = api.get("/v1/ca-certificates/current", "application/pkix-cert");
        try {
            return CaCertificate.fromBytes(response.body());
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server's current CA certificate does not decode", e);
        }
    }

    /** The token-issuer key to blind registration tokens for: the latest whose not-before has come (§4.3). */
    public IssuerPublicKey currentIssuerKey(Instant now) throws TacitClientException {
        return currentIssuerKey(api.getJson(ISSUER_DIRECTORY_PATH, ISSUER_DIRECTORY_TYPE), now);
    }

    /**
     * The latest first-contact issuer key whose not-before has come, from the issuer directory (§4.3) fetched over
     * any transport ({@value #ISSUER_DIRECTORY_PATH}, accepting {@value #ISSUER_DIRECTORY_TYPE}).
     */
    public static IssuerPublicKey currentIssuerKey(JsonObject directory, Instant now) throws ServerUnreachableException {
        IssuerPublicKey chosen = null;
        long chosenNotBefore = Long.MIN_VALUE;
        try {
            for (JsonValue entry : directory.getJsonArray("token-keys")) {
                JsonObject key = entry.asJsonObject();
                long notBefore = key.getJsonNumber("not-before").longValueExact();
                if (key.getInt("token-type") == 2 && notBefore <= now.getEpochSecond() && notBefore > chosenNotBefore) {
                    try {
                        chosen = IssuerPublicKey.decode(ServerAnswers.fromPaddedBase64Url(key.getString("token-key")));
                    } catch (CryptoException e) {
                        throw new ServerUnreachableException("the server's token-issuer key does not decode", e);
                    }
                    chosenNotBefore = notBefore;
                }
            }
        } catch (NullPointerException | ClassCastException | ArithmeticException e) {
            throw new ServerUnreachableException("the server's token-issuer directory is malformed", e);
        }
        if (chosen == null) {
            throw new ServerUnreachableException("the server publishes no token-issuer key in use now");
        }
        return chosen;
    }

    /**
     * Registers {@code setup.number()}. The certificate is checked against {@code pinnedCa} (number and key
     * included) and the tokens are finalised, so what comes back is ready to use.
     *
     * @throws RegistrationLockedException if the number's account is in use: re-register it with
     *                                     {@link #reRegister} instead, or after the lock lapses
     */
    public RegisteredAccount register(VerificationToken token, AccountSetup setup, PinnedCaVerifier pinnedCa,
                                      Instant now) throws TacitClientException {
        JsonObject body = registrationBody(setup).add("verificationToken", token.value()).build();
        JsonObject answer;
        try {
            answer = api.post("/v1/accounts", body);
        } catch (ProblemResponseException e) {
            throw RegistrationLockedException.TYPE.equals(e.type()) ? locked(e) : e;
        }
        return registered(answer, setup, pinnedCa, now);
    }

    /**
     * Re-registers the account of {@code setup.number()} for the new keys of {@code setup}, in a request signed
     * by the account's current identity key {@code current} (docs/protocol.md §4.7): no verification code is
     * needed, and the registration lock does not apply. The answer is checked as by {@link #register}.
     */
    public RegisteredAccount reRegister(IdentityKeyPair current, AccountSetup setup, PinnedCaVerifier pinnedCa,
                                        Clock clock, SecureRandom random) throws TacitClientException {
        RequestSigner signer = new RequestSigner(AccountRequestKeys.signingKey(setup.number(), current), clock, random);
        JsonObject answer = api.signed("POST", "/v1/accounts", registrationBody(setup).build(), signer);
        return registered(answer, setup, pinnedCa, clock.instant());
    }

    /**
     * The members of a registration request (docs/protocol.md §4.7) for the keys of {@code setup}, without a
     * verification token: what {@link #register} and {@link #reRegister} send, for a caller that builds the
     * request itself.
     */
    public static JsonObjectBuilder registrationBody(AccountSetup setup) {
        JsonArrayBuilder tokenRequests = Json.createArrayBuilder();
        for (PendingToken pending : setup.pendingTokens()) {
            tokenRequests.add(Base64Url.encode(pending.request().encode()));
        }
        return Json.createObjectBuilder()
                .add("certificationRequest", Base64Url.encode(setup.certificationRequest().toBytes()))
                .add("envelopeKey", Base64Url.encode(setup.signedEnvelopeKey().toBytes()))
                .add("preKey", Base64Url.encode(setup.signedPreKey().toBytes()))
                .add("groupPublicKey", Base64Url.encode(setup.group().groupPublicKey().toBytes()))
                .add("tokenRequests", tokenRequests);
    }

    private static RegisteredAccount registered(JsonObject answer, AccountSetup setup, PinnedCaVerifier pinnedCa,
                                                Instant now) throws ServerUnreachableException {
        try {
            IdentityCertificate certificate = IdentityCertificate.fromBytes(
                    ServerAnswers.fromBase64Url(string(answer, "certificate")));
            CertifiedIdentity identity = pinnedCa.verify(certificate, now);
            if (!identity.phoneNumber().equals(setup.number())
                    || !identity.identityKey().equals(setup.identity().publicKey())) {
                throw new ServerUnreachableException("the server certified another number or key than requested");
            }
            List<JsonValue> responses = answer.getJsonArray("tokenResponses");
            if (responses.size() > setup.pendingTokens().size()) {
                throw new ServerUnreachableException("the server answered more token requests than were sent");
            }
            List<Token> tokens = new ArrayList<>(responses.size());
            for (int i = 0; i < responses.size(); i++) {
                TokenResponse response = TokenResponse.decode(
                        ServerAnswers.fromBase64Url(((JsonString) responses.get(i)).getString()));
                tokens.add(setup.pendingTokens().get(i).finalizeToken(response));
            }
            return new RegisteredAccount(identity, tokens, setup);
        } catch (CryptoException | ClassCastException | NullPointerException e) {
            throw new ServerUnreachableException("the server's registration answer does not check out", e);
        }
    }

    private static TacitClientException locked(ProblemResponseException problem) {
        try {
            return new RegistrationLockedException(problem, Instant.parse(problem.member("lockedUntil").orElseThrow()));
        } catch (DateTimeParseException | NoSuchElementException e) {
            return new ServerUnreachableException("the server's registration-locked problem lacks 'lockedUntil'", e);
        }
    }

}
