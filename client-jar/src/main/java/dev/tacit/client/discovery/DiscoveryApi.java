package dev.tacit.client.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.AnonymousSession;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenFormat;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.RequestSigner;

/**
 * The HTTP calls of contact discovery (docs/protocol.md §4.3, §4.10, §4.11), one request each and no state:
 * {@link DiscoveryClient} keeps the tokens. The window's keys and allowance travel over the direct transport (the
 * allowance request is signed by the account anyway); a look-up goes through the anonymous transport, in a session
 * of its own, so the server cannot tie it to the account or to another look-up. Every answer is checked before
 * it is returned; a look-up's key bundles are verified against the pinned CA.
 */
public final class DiscoveryApi {

    static final String TOKEN_KEYS = "/v1/discovery/token-keys";
    static final String ALLOWANCE = "/v1/account/discovery-tokens";
    static final String LOOKUP = "/v1/discovery/lookup";

    private final DirectTransport direct;
    private final AnonymousTransport anonymous;
    private final PinnedCaVerifier pinnedCa;
    private final Clock clock;

    /**
     * @param direct    carries the keys and the signed allowance requests
     * @param anonymous carries the look-ups, each in a session of its own
     * @param pinnedCa  the CA whose certificates a look-up's bundles must carry; {@code clock} checks their validity
     */
    public DiscoveryApi(DirectTransport direct, AnonymousTransport anonymous, PinnedCaVerifier pinnedCa, Clock clock) {
        this.direct = direct;
        this.anonymous = anonymous;
        this.pinnedCa = pinnedCa;
        this.clock = clock;
    }

    /** The discovery key of {@code window}: the published key whose {@code not-before} is the window's start (§4.3). */
    public IssuerPublicKey keyFor(DiscoveryWindow window) throws TacitClientException {
        JsonObject directory = direct.getJson(TOKEN_KEYS, "application/private-token-issuer-directory");
        try {
            for (JsonValue entry : directory.getJsonArray("token-keys")) {
                JsonObject key = entry.asJsonObject();
                if (key.getInt("token-type") == TokenFormat.TOKEN_TYPE
                        && key.getJsonNumber("not-before").longValueExact() == window.start().getEpochSecond()) {
                    return IssuerPublicKey.decode(ServerAnswers.fromPaddedBase64Url(key.getString("token-key")));
                }
            }
        } catch (CryptoException | RuntimeException e) {
            throw new ServerUnreachableException("the server's discovery keys do not decode", e);
        }
        throw new ServerUnreachableException("the server publishes no discovery key for the window from "
                + window.start());
    }

    /**
     * Sends {@code pending} (blinded for one window's key) as one allowance request signed by {@code signer}, and
     * finalizes the answers: the server signs as many of them, in order, as the account has left.
     *
     * @throws dev.tacit.client.ProblemResponseException 429 {@code rate-limited} once the allowance is spent
     */
    public ObtainedTokens obtain(List<PendingToken> pending, RequestSigner signer) throws TacitClientException {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        pending.forEach(token -> requests.add(Base64Url.encode(token.request().encode())));
        JsonObject answer = direct.signed("POST", ALLOWANCE, Json.createObjectBuilder().add("tokenRequests", requests)
                .build(), signer);
        return new ObtainedTokens(ServerAnswers.finalizedTokens(answer, pending),
                ServerAnswers.instant(answer, "windowStart"), ServerAnswers.instant(answer, "windowEnd"));
    }

    /**
     * Looks {@code numbers} up, anonymously, paying with {@code tokens}, one per number. Once the request is on
     * its way the tokens are spent whatever the outcome: never send them again. Only when the proxy cannot be
     * reached ({@link dev.tacit.client.ProxyUnreachableException}) was nothing sent.
     *
     * @return one result per number, in order, every key bundle verified
     * @throws UntrustedKeyBundleException if an answer's keys do not check out
     * @throws dev.tacit.client.ProblemResponseException {@code invalid-discovery-request} or
     *                                                   {@code token-already-spent}, which spent no token
     */
    public List<ContactLookup> lookUp(List<PhoneNumber> numbers, List<Token> tokens) throws TacitClientException {
        JsonObject answer;
        try (AnonymousSession session = anonymous.open()) {
            answer = session.post(LOOKUP, lookupRequest(numbers, tokens));
        }
        return readAnswer(numbers, answer, pinnedCa, clock.instant());
    }

    /** The body of a look-up (§4.11). */
    public static JsonObject lookupRequest(List<PhoneNumber> numbers, List<Token> tokens) {
        JsonArrayBuilder numberArray = Json.createArrayBuilder();
        numbers.forEach(number -> numberArray.add(number.e164()));
        JsonArrayBuilder tokenArray = Json.createArrayBuilder();
        tokens.forEach(token -> tokenArray.add(Base64Url.encode(token.encode())));
        return Json.createObjectBuilder().add("numbers", numberArray).add("tokens", tokenArray).build();
    }

    /** Reads and verifies a look-up's answer for {@code numbers} (§4.11). */
    public static List<ContactLookup> readAnswer(List<PhoneNumber> numbers, JsonObject answer, PinnedCaVerifier pinnedCa,
                                          Instant now) throws TacitClientException {
        List<JsonValue> results;
        try {
            results = answer.getJsonArray("results");
        } catch (ClassCastException e) {
            throw new ServerUnreachableException("the server's look-up answer has no results", e);
        }
        if (results == null || results.size() != numbers.size()) {
            throw new ServerUnreachableException("the server's look-up answer does not have one result per number");
        }
        List<ContactLookup> lookups = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            lookups.add(readResult(numbers.get(i), results.get(i), pinnedCa, now));
        }
        return lookups;
    }

    private static ContactLookup readResult(PhoneNumber number, JsonValue value, PinnedCaVerifier pinnedCa, Instant now)
            throws TacitClientException {
        JsonValue keyBundle;
        JsonValue groupPublicKey;
        try {
            JsonObject result = value.asJsonObject();
            if (!number.e164().equals(result.getString("number"))) {
                throw new ServerUnreachableException("the server's look-up answer is for other numbers than asked");
            }
            keyBundle = result.get("keyBundle");
            groupPublicKey = result.get("groupPublicKey");
        } catch (ClassCastException | NullPointerException e) {
            throw new ServerUnreachableException("a result of the server's look-up answer is malformed", e);
        }
        if (JsonValue.NULL.equals(keyBundle) && JsonValue.NULL.equals(groupPublicKey)) {
            return new ContactLookup.NotRegistered(number);
        }
        if (!(keyBundle instanceof JsonString bundle) || !(groupPublicKey instanceof JsonString group)) {
            throw new ServerUnreachableException("a result of the server's look-up answer is malformed");
        }
        try {
            VerifiedKeyBundle verified = KeyBundle.fromBytes(ServerAnswers.fromBase64Url(bundle.getString()))
                    .verify(pinnedCa, now);
            if (!verified.identity().phoneNumber().equals(number)) {
                throw new UntrustedKeyBundleException("the key bundle for " + number + " is certified for another number");
            }
            return new ContactLookup.Registered(number, verified,
                    GroupPublicKey.fromBytes(ServerAnswers.fromBase64Url(group.getString())));
        } catch (MalformedEncodingException | VerificationFailedException e) {
            throw new UntrustedKeyBundleException("the keys for " + number + " do not check out: " + e.getMessage(), e);
        }
    }

    /** Tokens of one allowance request, and the window the server says they are for. */
    public record ObtainedTokens(List<Token> tokens, Instant windowStart, Instant windowEnd) {
        public ObtainedTokens {
            tokens = List.copyOf(tokens);
        }
    }
}
