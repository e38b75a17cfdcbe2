package dev.tacit.http.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recomputes the worked example of docs/protocol.md §5 from its fixed inputs, and verifies it. */
class ProtocolDocumentHttpSignatureExampleTest {

    private static final String EXAMPLE = "http-signature-request";

    @Test
    void theDocumentsSignedRequestExampleIsWhatTheCodeProduces() throws Exception {
        byte[] seed = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        Ed25519TestKey key = new Ed25519TestKey("+15555550100", seed);
        Instant created = Instant.parse("2026-11-25T09:00:00Z");
        byte[] nonce = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
        String body = "{\"prekeys\":[\"AAEC\"]}";
        HttpRequestParts request = HttpRequestParts.of("POST", URI.create("https://tacit.example/v1/account/prekeys?replace=true"),
                HttpFields.builder().add("Content-Type", "application/json").build(), body.getBytes(StandardCharsets.US_ASCII));

        SignatureHeaders headers = new RequestSigner(key, Clock.fixed(created, ZoneOffset.UTC), new SecureRandom())
                .sign(request, created, nonce);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key_seed", Hex.toHexString(seed));
        fields.put("public_key", Hex.toHexString(key.publicKeyBytes()));
        fields.put("keyid", key.keyId());
        fields.put("created", Long.toString(created.getEpochSecond()));
        fields.put("nonce_bytes", Hex.toHexString(nonce));
        fields.put("method", request.method());
        fields.put("target_uri", request.targetUri().toString());
        fields.put("content_type", "application/json");
        fields.put("body", body);
        fields.put("content_digest", headers.contentDigest().orElseThrow());
        String[] baseLines = new String(headers.signatureBase(), StandardCharsets.US_ASCII).split("\n");
        for (int i = 0; i < baseLines.length; i++) {
            fields.put("base_line_" + (i + 1), baseLines[i]);
        }
        fields.put("signature_input", headers.signatureInput());
        fields.put("signature", headers.signature());
        ProtocolDocumentExamples.load().assertMatches(EXAMPLE, fields);

        RequestVerifier verifier = new RequestVerifier(id -> Optional.of(key.verificationKey()),
                Clock.fixed(created.plusSeconds(2), ZoneOffset.UTC), RequestVerifier.DEFAULT_FRESHNESS_WINDOW);
        VerifiedRequest verified = verifier.verify(request.withHeaders(request.headers().plus(headers.asMap())));
        assertEquals("+15555550100", verified.keyId());
    }
}
