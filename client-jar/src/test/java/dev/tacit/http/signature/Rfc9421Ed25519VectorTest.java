package dev.tacit.http.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9421 Appendix B.2.6 "Signing a Request Using ed25519", byte for byte, through the general base builder. */
class Rfc9421Ed25519VectorTest {

    /** The test-request message of RFC 9421 Appendix B.2. */
    static HttpRequestParts testRequest() {
        HttpFields headers = HttpFields.builder()
                .add("Host", "example.com")
                .add("Date", "Tue, 20 Apr 2021 02:07:55 GMT")
                .add("Content-Type", "application/json")
                .add("Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:")
                .add("Content-Length", "18")
                .build();
        return HttpRequestParts.of("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"), headers,
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII));
    }

    static final String SIGNATURE_INPUT = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
            + ";created=1618884473;keyid=\"test-key-ed25519\"";

    static final String EXPECTED_BASE = "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
            + "\"@method\": POST\n"
            + "\"@path\": /foo\n"
            + "\"@authority\": example.com\n"
            + "\"content-type\": application/json\n"
            + "\"content-length\": 18\n"
            + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
            + ";created=1618884473;keyid=\"test-key-ed25519\"";

    static final String EXPECTED_SIGNATURE = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

    @Test
    void theAppendixKeySeedGivesTheAppendixPublicKey() {
        assertArrayEquals(Ed25519TestKey.RFC9421_PUBLIC, new Ed25519TestKey("test-key-ed25519", Ed25519TestKey.RFC9421_SEED).publicKeyBytes());
    }

    @Test
    void signatureBaseIsTheRfcsByteForByte() throws Exception {
        SfInnerList params = parsedSignatureInput();
        assertEquals(EXPECTED_BASE, new String(SignatureBase.of(testRequest(), params), StandardCharsets.US_ASCII));
    }

    @Test
    void signingTheBaseGivesTheRfcsSignature() throws Exception {
        byte[] base = SignatureBase.of(testRequest(), parsedSignatureInput());
        byte[] signature = new Ed25519TestKey("test-key-ed25519", Ed25519TestKey.RFC9421_SEED).sign(base);
        assertEquals(EXPECTED_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    }

    @Test
    void theRfcsSignatureVerifiesAndFailsOnAnotherBase() throws Exception {
        byte[] base = SignatureBase.of(testRequest(), parsedSignatureInput());
        byte[] signature = Base64.getDecoder().decode(EXPECTED_SIGNATURE);
        RequestVerificationKey key = Ed25519TestKey.verificationKey(Ed25519TestKey.RFC9421_PUBLIC);
        assertTrue(key.verify(base, signature));
        base[base.length - 2] ^= 1;
        assertFalse(key.verify(base, signature));
    }

    @Test
    void signatureInputReserialisesToTheRfcsText() throws Exception {
        Map<String, SfMember> parsed = StructuredFieldParser.parseDictionary(SIGNATURE_INPUT, "Signature-Input");
        assertEquals(SIGNATURE_INPUT, StructuredFieldSerializer.dictionary(parsed));
    }

    private static SfInnerList parsedSignatureInput() throws Exception {
        return (SfInnerList) StructuredFieldParser.parseDictionary(SIGNATURE_INPUT, "Signature-Input").get("sig-b26");
    }
}
