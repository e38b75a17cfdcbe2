package dev.tacit.server.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.server.limits.AbuseCounterStore;
import dev.tacit.server.limits.Allowance;
import dev.tacit.server.limits.Allowances;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * Contact discovery (docs/protocol.md §4.10, §4.11). An account obtains up to its allowance of discovery tokens
 * per window, blind-signed by the window's key, over its signed channel; anyone then spends one such token per
 * number to look numbers up, anonymously. Both are all or nothing: a refused request counts, signs and spends
 * nothing.
 */
@Stateless
public class DiscoveryService {

    /** The most token requests one allowance request may carry, and the most numbers one look-up may ask for. */
    public static final int MAX_PER_REQUEST = 100;

    static final String ALLOWANCE = "discovery-tokens";

    /** Stands in for an unregistered number's keys, so that every number of a look-up costs the same work. */
    private static final ContactDirectory.PublishedBundle DECOY = new ContactDirectory.PublishedBundle(new byte[342],
            new byte[SignedPreKey.ENCODED_LENGTH], new byte[SignedPreKey.ENCODED_LENGTH],
            new byte[GroupPublicKey.ENCODED_BYTES_V1]);

    @Inject
    DiscoveryTokenKeys keys;

    @Inject
    TokenIssuerKeys firstContactKeys;

    @Inject
    AbuseCounterStore counters;

    @Inject
    Allowances allowances;

    @Inject
    SpentTokenStore spentTokens;

    @Inject
    ContactDirectory directory;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /**
     * Blind-signs as many of {@code encodedRequests} as {@code account} has left of this window's allowance, in
     * order, with the key of the window that contains now.
     *
     * @throws InvalidDiscoveryRequestException   naming {@code tokenRequests}, if one does not decode or is not
     *                                            for this window's key; nothing is counted
     * @throws DiscoveryAllowanceSpentException  if none is left, with the time until the window ends
     */
    public IssuedTokens issue(String account, List<byte[]> encodedRequests) {
        DiscoveryTokenKeys.SigningKey signing = keys.signingNow();
        List<TokenRequest> requests = decodeRequests(encodedRequests, signing);
        DiscoveryTokenKeys.WindowKey window = signing.window();
        Allowance allowance = allowances.forWindow(ALLOWANCE, account, settings.discovery().tokensPerWindow(),
                window.window().start(), window.window().end());
        int granted = counters.takeUpTo(allowance, requests.size());
        if (granted == 0) {
            throw new DiscoveryAllowanceSpentException(allowance.remainingAfter(clock.instant()));
        }
        List<TokenResponse> responses = new ArrayList<>(granted);
        for (TokenRequest request : requests.subList(0, granted)) {
            try {
                responses.add(signing.key().blindSign(request));
            } catch (CryptoException e) {
                // a blinded message not below the modulus; the exception rolls the count back
                throw new InvalidDiscoveryRequestException("tokenRequests", "a token request does not blind a"
                        + " message under this window's key");
            }
        }
        return new IssuedTokens(responses, window.window());
    }

    /**
     * Looks {@code numbers} up, spending one discovery token of {@code encodedTokens} per number: each must be
     * a discovery token of a key accepted now, for that key's window challenge, never spent before. Every token
     * is checked before any is spent, and all are spent in this transaction or none.
     *
     * @return one result per number, in order
     * @throws InvalidDiscoveryRequestException naming {@code numbers} or {@code tokens}
     * @throws TokenAlreadySpentException       if a token was spent before
     */
    public List<LookupResult> lookUp(List<String> numbers, List<byte[]> encodedTokens) {
        List<PhoneNumber> parsed = parseNumbers(numbers);
        if (encodedTokens.size() != parsed.size()) {
            throw new InvalidDiscoveryRequestException("tokens", "a look-up carries exactly one token per number: "
                    + parsed.size() + " numbers, " + encodedTokens.size() + " tokens");
        }
        spentTokens.spendAll(checkTokens(encodedTokens, clock.instant()));
        Map<PhoneNumber, ContactDirectory.PublishedBundle> found = directory.find(parsed);
        List<LookupResult> results = new ArrayList<>(parsed.size());
        for (PhoneNumber number : parsed) {
            ContactDirectory.PublishedBundle bundle = found.get(number);
            ContactDirectory.PublishedBundle used = bundle == null ? DECOY : bundle;
            results.add(new LookupResult(number, bundle != null,
                    KeyBundle.encode(used.certificate(), used.envelopeKey(), used.preKey()), used.groupPublicKey()));
        }
        return results;
    }

    private static List<PhoneNumber> parseNumbers(List<String> numbers) {
        if (numbers.isEmpty() || numbers.size() > MAX_PER_REQUEST) {
            throw new InvalidDiscoveryRequestException("numbers", "a look-up asks for 1 to " + MAX_PER_REQUEST
                    + " numbers, not " + numbers.size());
        }
        List<PhoneNumber> parsed = new ArrayList<>(numbers.size());
        Set<PhoneNumber> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber number;
            try {
                number = PhoneNumber.of(numbers.get(i));
            } catch (MalformedEncodingException e) {
                throw new InvalidDiscoveryRequestException("numbers", "numbers[" + i + "] is not a phone number in"
                        + " E.164 form (§1.2)");
            }
            if (!seen.add(number)) {
                throw new InvalidDiscoveryRequestException("numbers", "numbers[" + i + "] repeats an earlier number");
            }
            parsed.add(number);
        }
        return parsed;
    }

    /** Decodes and checks every token; the first that fails refuses the look-up. */
    private List<Token> checkTokens(List<byte[]> encodedTokens, Instant now) {
        List<Token> tokens = new ArrayList<>(encodedTokens.size());
        Set<String> seen = new HashSet<>(); // token identities: key id and nonce, as the spent-token record has them
        for (int i = 0; i < encodedTokens.size(); i++) {
            Token token;
            try {
                token = Token.decode(encodedTokens.get(i));
            } catch (MalformedEncodingException e) {
                throw invalidToken(i, "is not a token (§2.1.4)");
            }
            int index = i;
            DiscoveryTokenKeys.WindowKey key = keys.find(token.keyId()).orElseThrow(() -> invalidToken(index,
                    firstContactKeys.verificationKeys().find(token.keyId()).isPresent()
                            ? "is a first-contact token, not a discovery token"
                            : "is not signed by a discovery key this server still accepts"));
            if (!key.acceptsAt(now)) {
                throw invalidToken(i, "is a discovery token of another window");
            }
            if (!token.isFor(key.challenge())) {
                throw invalidToken(i, "was not fetched for the discovery challenge of its key's window (§2.1.3)");
            }
            try {
                new TokenVerifier(IssuerKeyRing.of(key.publicKey())).verify(token);
            } catch (CryptoException e) {
                throw invalidToken(i, "has an authenticator that does not verify");
            }
            if (!seen.add(token.keyId() + ":" + HexFormat.of().formatHex(token.nonce()))) {
                throw invalidToken(i, "repeats an earlier token");
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static InvalidDiscoveryRequestException invalidToken(int index, String problem) {
        return new InvalidDiscoveryRequestException("tokens", "tokens[" + index + "] " + problem);
    }

    private static List<TokenRequest> decodeRequests(List<byte[]> encoded, DiscoveryTokenKeys.SigningKey signing) {
        if (encoded.isEmpty() || encoded.size() > MAX_PER_REQUEST) {
            throw new InvalidDiscoveryRequestException("tokenRequests", "an allowance request carries 1 to "
                    + MAX_PER_REQUEST + " token requests, not " + encoded.size());
        }
        int truncatedKeyId = signing.window().publicKey().keyId().truncated();
        List<TokenRequest> requests = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            TokenRequest request;
            try {
                request = TokenRequest.decode(encoded.get(i));
            } catch (MalformedEncodingException e) {
                throw new InvalidDiscoveryRequestException("tokenRequests", "tokenRequests[" + i
                        + "] is not a token request (§2.1.4)");
            }
            if (request.truncatedKeyId() != truncatedKeyId) {
                throw new InvalidDiscoveryRequestException("tokenRequests", "tokenRequests[" + i + "] is not for the"
                        + " discovery key of the current window");
            }
            requests.add(request);
        }
        return requests;
    }

    /** Blind signatures of an allowance, for {@code window}. */
    public record IssuedTokens(List<TokenResponse> responses, DiscoveryWindow window) {
        public IssuedTokens {
            responses = List.copyOf(responses);
        }
    }

    /**
     * The answer for one number: whether it is registered and, if so, its key bundle (§3.3) and group public key
     * (§2.2) in their encodings. For an unregistered number both hold a decoy of the same size, built with the
     * same work, which {@link #keyBundle()} and {@link #groupPublicKey()} callers must not hand out.
     */
    public record LookupResult(PhoneNumber number, boolean registered, byte[] keyBundle, byte[] groupPublicKey) {
    }
}
