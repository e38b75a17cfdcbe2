package dev.tacit.http.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Requests, keys and clocks shared by the signer and verifier tests. */
final class SignedRequests {

    static final String PHONE = "+15555550100";
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Ed25519TestKey KEY = Ed25519TestKey.generate(PHONE);
    static final RequestKeyResolver RESOLVER = id -> id.equals(PHONE) ? Optional.of(KEY.verificationKey()) : Optional.empty();

    private SignedRequests() {
    }

    static HttpRequestParts post() {
        return HttpRequestParts.of("POST", URI.create("https://tacit.example/v1/account/keys?limit=5"),
                HttpFields.builder().add("Content-Type", "application/json").build(),
                "{\"prekeys\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequestParts get() {
        return HttpRequestParts.of("GET", URI.create("https://tacit.example/v1/account"), HttpFields.empty(), new byte[0]);
    }

    static RequestVerifier verifierAt(Instant now) {
        return new RequestVerifier(RESOLVER, Clock.fixed(now, ZoneOffset.UTC), RequestVerifier.DEFAULT_FRESHNESS_WINDOW);
    }

    static HttpRequestParts signed(HttpRequestParts request) {
        return withFields(request, new RequestSigner(KEY, CLOCK, new java.security.SecureRandom()).sign(request).asMap());
    }

    static HttpRequestParts withFields(HttpRequestParts request, Map<String, String> fields) {
        return request.withHeaders(request.headers().plus(fields));
    }

    /** Replaces one header field (all its lines) with {@code value}. */
    static HttpRequestParts replacingField(HttpRequestParts request, String name, String value) {
        HttpFields.Builder builder = HttpFields.builder();
        for (String present : request.headers().names()) {
            if (!present.equalsIgnoreCase(name)) {
                request.headers().values(present).forEach(v -> builder.add(present, v));
            }
        }
        if (value != null) {
            builder.add(name, value);
        }
        return request.withHeaders(builder.build());
    }

    /**
     * Signs {@code request} validly with the profile's parameters after {@code edit}, so that only the
     * profile checks can reject it: lets tests vary components and parameters with a good signature.
     */
    static HttpRequestParts signedWithParams(HttpRequestParts request, Ed25519TestKey key, UnaryOperator<SfInnerList> edit,
            String label) throws Exception {
        HttpRequestParts covered = request.hasBody()
                ? withFields(request, Map.of("Content-Digest", ContentDigest.of(request.body()))) : request;
        SfInnerList params = edit.apply(TacitSignatureProfile.signatureParams(request.hasBody(), NOW.getEpochSecond(),
                TacitSignatureProfile.encodeNonce(new byte[32]), key.keyId()));
        byte[] signature = key.sign(SignatureBase.of(covered, params));
        return withFields(covered, Map.of(
                "Signature-Input", StructuredFieldSerializer.dictionary(Map.of(label, params)),
                "Signature", StructuredFieldSerializer.dictionary(Map.of(label, SfItem.of(new BareItem.SfBytes(signature))))));
    }

    static SfInnerList withParam(SfInnerList params, String name, BareItem value) {
        Map<String, BareItem> edited = new java.util.LinkedHashMap<>(params.parameters());
        edited.put(name, value);
        return new SfInnerList(params.items(), edited);
    }

    static SfInnerList withoutParam(SfInnerList params, String name) {
        Map<String, BareItem> edited = new java.util.LinkedHashMap<>(params.parameters());
        edited.remove(name);
        return new SfInnerList(params.items(), edited);
    }

    static SfInnerList withComponents(SfInnerList params, String... components) {
        return new SfInnerList(List.of(components).stream().map(c -> SfItem.of(new BareItem.SfString(c))).toList(), params.parameters());
    }
}
