package dev.tacit.http.signature;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * Signs account-scoped requests with Tacit's RFC 9421 profile (docs/protocol.md §5): a fresh random nonce,
 * {@code created} from the clock, a SHA-256 Content-Digest of any body. Thread-safe if the key is.
 */
public final class RequestSigner {

    private final RequestSigningKey key;
    private final Clock clock;
    private final SecureRandom random;

    public RequestSigner(RequestSigningKey key, Clock clock, SecureRandom random) {
        this.key = Objects.requireNonNull(key);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        if (!TacitSignatureProfile.isE164(key.keyId())) {
            throw new IllegalArgumentException("the signing key's id must be an E.164 phone number");
        }
    }

    /**
     * The headers to add to {@code request}, which must not carry Content-Digest, Signature-Input or
     * Signature already.
     */
    public SignatureHeaders sign(HttpRequestParts request) {
        byte[] nonce = new byte[TacitSignatureProfile.NONCE_BYTES];
        random.nextBytes(nonce);
        return sign(request, clock.instant(), nonce);
    }

    /** Signing with a chosen instant and nonce, for the protocol document's example only. */
    SignatureHeaders sign(HttpRequestParts request, Instant created, byte[] nonce) {
        for (String name : new String[] {SignatureHeaders.CONTENT_DIGEST, SignatureHeaders.SIGNATURE_INPUT, SignatureHeaders.SIGNATURE}) {
            if (request.headers().contains(name)) {
                throw new IllegalArgumentException("the request already has " + name);
            }
        }
        String contentDigest = request.hasBody() ? ContentDigest.of(request.bodyUnsafe()) : null;
        HttpRequestParts covered = contentDigest == null ? request
                : request.withHeaders(request.headers().plus(Map.of(SignatureHeaders.CONTENT_DIGEST, contentDigest)));
        SfInnerList params = TacitSignatureProfile.signatureParams(request.hasBody(), created.getEpochSecond(),
                TacitSignatureProfile.encodeNonce(nonce), key.keyId());
        byte[] base;
        try {
            base = SignatureBase.of(covered, params);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException("cannot sign this request: " + e.getMessage(), e);
        }
        byte[] signature = key.sign(base);
        if (signature.length != TacitSignatureProfile.SIGNATURE_LENGTH) {
            throw new IllegalStateException("the signing key did not produce a 64-byte Ed25519 signature");
        }
        String signatureInput = StructuredFieldSerializer.dictionary(Map.of(TacitSignatureProfile.LABEL, params));
        String signatureField = StructuredFieldSerializer.dictionary(
                Map.of(TacitSignatureProfile.LABEL, SfItem.of(new BareItem.SfBytes(signature))));
        return new SignatureHeaders(contentDigest, signatureInput, signatureField, base);
    }
}
