package dev.tacit.http.signature;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.tacit.http.signature.SignedRequests.CLOCK;
import static dev.tacit.http.signature.SignedRequests.KEY;
import static dev.tacit.http.signature.SignedRequests.NOW;
import static dev.tacit.http.signature.SignedRequests.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing with Tacit's profile and verifying what was signed. */
class RequestSignatureRoundTripTest {

    @Test
    void aSignedPostVerifiesAndReportsKeyIdCreatedAndNonce() throws Exception {
        SignatureHeaders headers = new RequestSigner(KEY, CLOCK, new SecureRandom()).sign(SignedRequests.post());
        VerifiedRequest verified = SignedRequests.verifierAt(NOW)
                .verify(SignedRequests.withFields(SignedRequests.post(), headers.asMap()));
        assertEquals(PHONE, verified.keyId());
        assertEquals(NOW, verified.created());
        assertTrue(headers.signatureInput().contains(";nonce=\"" + verified.nonce() + "\""));
        assertEquals(NOW.plus(RequestVerifier.DEFAULT_FRESHNESS_WINDOW), verified.acceptedUntil());
    }

    @Test
    void aPostCoversItsContentDigest() {
        SignatureHeaders headers = new RequestSigner(KEY, CLOCK, new SecureRandom()).sign(SignedRequests.post());
        assertTrue(headers.contentDigest().orElseThrow().startsWith("sha-256=:"));
        assertTrue(headers.signatureInput().startsWith("tacit=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created="));
        assertTrue(headers.signature().matches("tacit=:[A-Za-z0-9+/]{86}==:"));
    }

    @Test
    void aGetWithoutBodyHasNoContentDigest() throws Exception {
        SignatureHeaders headers = new RequestSigner(KEY, CLOCK, new SecureRandom()).sign(SignedRequests.get());
        assertTrue(headers.contentDigest().isEmpty());
        assertTrue(headers.signatureInput().startsWith("tacit=(\"@method\" \"@authority\" \"@path\" \"@query\");created="));
        assertEquals(PHONE, SignedRequests.verifierAt(NOW).verify(SignedRequests.signed(SignedRequests.get())).keyId());
    }

    @Test
    void everySignatureHasAFreshNonceOf256Bits() throws Exception {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String nonce = SignedRequests.verifierAt(NOW).verify(SignedRequests.signed(SignedRequests.get())).nonce();
            assertEquals(43, nonce.length());
            nonces.add(nonce);
        }
        assertEquals(20, nonces.size());
    }

    @Test
    void signaturesAtTheEdgesOfTheWindowVerify() throws Exception {
        HttpRequestParts signed = SignedRequests.signed(SignedRequests.get());
        Duration window = RequestVerifier.DEFAULT_FRESHNESS_WINDOW;
        SignedRequests.verifierAt(NOW.plus(window)).verify(signed);
        SignedRequests.verifierAt(NOW.minus(window)).verify(signed);
    }

    @Test
    void headerNamesAreCaseInsensitiveAndDefaultPortIsTheSameAuthority() throws Exception {
        HttpRequestParts request = SignedRequests.signed(SignedRequests.post());
        HttpFields.Builder upper = HttpFields.builder();
        for (String name : request.headers().names()) {
            request.headers().values(name).forEach(v -> upper.add(name.toUpperCase(java.util.Locale.ROOT), v));
        }
        HttpRequestParts moved = HttpRequestParts.of("POST", java.net.URI.create("https://TACIT.example:443/v1/account/keys?limit=5"),
                upper.build(), request.body());
        assertEquals(PHONE, SignedRequests.verifierAt(NOW).verify(moved).keyId());
    }

    @Test
    void theSignerRefusesARequestAlreadySigned() {
        HttpRequestParts signed = SignedRequests.signed(SignedRequests.post());
        RequestSigner signer = new RequestSigner(KEY, CLOCK, new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> signer.sign(signed));
    }

    @Test
    void theSignerRefusesAKeyIdThatIsNotAPhoneNumber() {
        Ed25519TestKey key = Ed25519TestKey.generate("alice");
        assertThrows(IllegalArgumentException.class, () -> new RequestSigner(key, CLOCK, new SecureRandom()));
        assertFalse(TacitSignatureProfile.isE164("+0123"));
        assertFalse(TacitSignatureProfile.isE164("+1234567890123456"));
        assertTrue(TacitSignatureProfile.isE164("+123456789012345"));
        assertFalse(TacitSignatureProfile.isE164("+7"), "one digit is a country code without a number");
        assertTrue(TacitSignatureProfile.isE164("+70"));
    }

    @Test
    void requestPartsCopyTheirBody() {
        byte[] body = {1, 2, 3};
        HttpRequestParts parts = HttpRequestParts.of("POST", java.net.URI.create("https://tacit.example/"), HttpFields.empty(), body);
        body[0] = 9;
        parts.body()[1] = 9;
        assertEquals(1, parts.body()[0]);
        assertEquals(2, parts.body()[1]);
    }

    @Test
    void requestPartsRefuseRawNonAsciiInTheTargetUri() {
        assertThrows(IllegalArgumentException.class,
                () -> HttpRequestParts.of("GET", java.net.URI.create("https://tacit.example/k\u00e9ys"), HttpFields.empty(), new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> HttpRequestParts.of("GET", java.net.URI.create("https://user@tacit.example/"), HttpFields.empty(), new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> HttpRequestParts.of("GET", java.net.URI.create("/relative"), HttpFields.empty(), new byte[0]));
    }

    @Test
    void parametersInAnotherOrderAndExtraWhitespaceStillVerify() throws Exception {
        HttpRequestParts reordered = SignedRequests.signedWithParams(SignedRequests.post(), KEY, p -> {
            java.util.Map<String, BareItem> params = new java.util.LinkedHashMap<>();
            for (String name : new String[] {"tag", "keyid", "alg", "nonce", "created"}) {
                params.put(name, p.parameters().get(name));
            }
            return new SfInnerList(p.items(), params);
        }, "tacit");
        assertEquals(PHONE, SignedRequests.verifierAt(NOW).verify(reordered).keyId());

        String input = reordered.headers().combined("Signature-Input").orElseThrow();
        String spaced = "  " + input.replace("(\"@method\" ", "(  \"@method\"   ").replace(")", " )") + " \t";
        assertEquals(PHONE, SignedRequests.verifierAt(NOW).verify(SignedRequests.replacingField(reordered, "Signature-Input", spaced)).keyId());
    }
}
