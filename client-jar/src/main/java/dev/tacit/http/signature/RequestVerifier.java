package dev.tacit.http.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;

/**
 * Checks an account-scoped request against Tacit's RFC 9421 profile (docs/protocol.md §5), cheapest checks
 * first: presence, syntax, profile, freshness, Content-Digest, key lookup, then the Ed25519 signature.
 * Nonce single use is the caller's: see {@link VerifiedRequest}. Immutable and thread-safe.
 */
public final class RequestVerifier {

    /** The default tolerance on {@code created}, either side of the verifier's clock. */
    public static final Duration DEFAULT_FRESHNESS_WINDOW = Duration.ofMinutes(5);

    private static final Set<String> REQUIRED_PARAMS = Set.of(TacitSignatureProfile.CREATED, TacitSignatureProfile.NONCE,
            TacitSignatureProfile.KEYID, TacitSignatureProfile.PARAM_ALG, TacitSignatureProfile.PARAM_TAG);

    private final RequestKeyResolver keys;
    private final Clock clock;
    private final Duration freshnessWindow;

    public RequestVerifier(RequestKeyResolver keys, Clock clock, Duration freshnessWindow) {
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
        if (freshnessWindow.isNegative() || freshnessWindow.isZero() || freshnessWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the freshness window must be positive and at most an hour");
        }
        this.freshnessWindow = freshnessWindow;
    }

    /**
     * Verifies {@code request}.
     *
     * @throws MalformedEncodingException unsigned ({@link MissingSignatureException}), malformed fields
     *         ({@link MalformedSignatureHeaderException}), not Tacit's profile ({@link SignatureProfileException})
     *         or a covered field absent ({@link MissingComponentException})
     * @throws VerificationFailedException stale or future ({@link SignatureNotFreshException}), expired
     *         ({@link SignatureExpiredException}), body changed ({@link ContentDigestMismatchException}), unknown
     *         keyid ({@link UnknownSigningKeyException}) or a bad signature ({@link InvalidRequestSignatureException})
     */
    public VerifiedRequest verify(HttpRequestParts request) throws MalformedEncodingException, VerificationFailedException {
        String inputField = request.headers().combined(SignatureHeaders.SIGNATURE_INPUT)
                .orElseThrow(() -> new MissingSignatureException("the request has no Signature-Input"));
        String signatureField = request.headers().combined(SignatureHeaders.SIGNATURE)
                .orElseThrow(() -> new MissingSignatureException("the request has no Signature"));
        SfInnerList params = onlyTacitMember(StructuredFieldParser.parseDictionary(inputField, SignatureHeaders.SIGNATURE_INPUT),
                SfInnerList.class, SignatureHeaders.SIGNATURE_INPUT);
        byte[] signature = signatureBytes(onlyTacitMember(
                StructuredFieldParser.parseDictionary(signatureField, SignatureHeaders.SIGNATURE), SfItem.class, SignatureHeaders.SIGNATURE));

        checkComponents(params, request.hasBody());
        Map<String, BareItem> p = params.parameters();
        checkParameterNames(p);
        long created = integer(p, TacitSignatureProfile.CREATED);
        String nonce = string(p, TacitSignatureProfile.NONCE);
        String keyId = string(p, TacitSignatureProfile.KEYID);
        if (!TacitSignatureProfile.ALG.equals(string(p, TacitSignatureProfile.PARAM_ALG))) {
            throw new SignatureProfileException("alg must be \"ed25519\"");
        }
        if (!TacitSignatureProfile.TAG.equals(string(p, TacitSignatureProfile.PARAM_TAG))) {
            throw new SignatureProfileException("tag must be \"tacit-v1\"");
        }
        if (!TacitSignatureProfile.isNonce(nonce)) {
            throw new SignatureProfileException("nonce must be unpadded base64url of 16 to 64 bytes");
        }
        if (!TacitSignatureProfile.isE164(keyId)) {
            throw new SignatureProfileException("keyid must be an E.164 phone number");
        }

        Instant acceptedUntil = checkFreshness(created, p.containsKey(TacitSignatureProfile.EXPIRES)
                ? Long.valueOf(integer(p, TacitSignatureProfile.EXPIRES)) : null);

        if (request.hasBody()) {
            String digest = request.headers().combined(SignatureHeaders.CONTENT_DIGEST)
                    .orElseThrow(() -> new MissingComponentException("the request has a body but no Content-Digest"));
            ContentDigest.verify(digest, request.bodyUnsafe());
        }

        byte[] base = SignatureBase.of(request, params);
        Optional<RequestVerificationKey> registered = keys.resolve(keyId);
        // The same verification whether or not keyid is registered, an unknown one against the decoy key, so
        // that response time does not tell a registered number from another.
        boolean valid = registered.orElse(RequestVerificationKey.DECOY).verify(base, signature);
        if (registered.isEmpty()) {
            throw new UnknownSigningKeyException("no account has this keyid");
        }
        if (!valid) {
            throw new InvalidRequestSignatureException("the request signature does not verify");
        }
        return new VerifiedRequest(keyId, Instant.ofEpochSecond(created), nonce, acceptedUntil);
    }

    private static <T extends SfMember> T onlyTacitMember(Map<String, SfMember> dictionary, Class<T> type, String field)
            throws MalformedEncodingException {
        SfMember member = dictionary.get(TacitSignatureProfile.LABEL);
        if (member == null) {
            throw new SignatureProfileException(field + " has no member labelled \"tacit\"");
        }
        if (dictionary.size() != 1) {
            throw new SignatureProfileException(field + " has labels other than \"tacit\"");
        }
        if (!type.isInstance(member)) {
            throw new MalformedSignatureHeaderException(field + " member \"tacit\" is of the wrong type");
        }
        return type.cast(member);
    }

    private static byte[] signatureBytes(SfItem item) throws MalformedSignatureHeaderException {
        if (!(item.value() instanceof BareItem.SfBytes bytes) || !item.parameters().isEmpty()) {
            throw new MalformedSignatureHeaderException("Signature member \"tacit\" must be a byte sequence without parameters");
        }
        byte[] signature = bytes.value();
        if (signature.length != TacitSignatureProfile.SIGNATURE_LENGTH) {
            throw new MalformedSignatureHeaderException("an Ed25519 signature is 64 bytes");
        }
        return signature;
    }

    private static void checkComponents(SfInnerList params, boolean hasBody) throws SignatureProfileException {
        List<String> covered = new ArrayList<>();
        for (SfItem item : params.items()) {
            if (!(item.value() instanceof BareItem.SfString name) || !item.parameters().isEmpty()) {
                throw new SignatureProfileException("covered components must be plain strings");
            }
            covered.add(name.value());
        }
        if (!covered.equals(TacitSignatureProfile.components(hasBody))) {
            throw new SignatureProfileException("covered components must be exactly " + TacitSignatureProfile.components(hasBody));
        }
    }

    private static void checkParameterNames(Map<String, BareItem> params) throws SignatureProfileException {
        for (String name : params.keySet()) {
            if (!REQUIRED_PARAMS.contains(name) && !name.equals(TacitSignatureProfile.EXPIRES)) {
                throw new SignatureProfileException("signature parameter '" + name + "' is not part of the profile");
            }
        }
        for (String name : REQUIRED_PARAMS) {
            if (!params.containsKey(name)) {
                throw new SignatureProfileException("signature parameter '" + name + "' is missing");
            }
        }
    }

    private Instant checkFreshness(long created, Long expires) throws VerificationFailedException {
        Instant now = clock.instant();
        Instant createdAt = Instant.ofEpochSecond(created);
        if (createdAt.isBefore(now.minus(freshnessWindow))) {
            throw new SignatureNotFreshException("the signature was created too long ago");
        }
        if (createdAt.isAfter(now.plus(freshnessWindow))) {
            throw new SignatureNotFreshException("the signature was created in the future");
        }
        Instant acceptedUntil = createdAt.plus(freshnessWindow);
        if (expires != null) {
            Instant expiresAt = Instant.ofEpochSecond(expires);
            if (!now.isBefore(expiresAt)) {
                throw new SignatureExpiredException("the signature has expired");
            }
            if (expiresAt.isBefore(acceptedUntil)) {
                acceptedUntil = expiresAt;
            }
        }
        return acceptedUntil;
    }

    private static long integer(Map<String, BareItem> params, String name) throws MalformedSignatureHeaderException {
        if (!(params.get(name) instanceof BareItem.SfInteger value) || value.value() < 0) {
            throw new MalformedSignatureHeaderException("signature parameter '" + name + "' must be a non-negative integer");
        }
        return value.value();
    }

    private static String string(Map<String, BareItem> params, String name) throws MalformedSignatureHeaderException {
        if (!(params.get(name) instanceof BareItem.SfString value)) {
            throw new MalformedSignatureHeaderException("signature parameter '" + name + "' must be a string");
        }
        return value.value();
    }
}
