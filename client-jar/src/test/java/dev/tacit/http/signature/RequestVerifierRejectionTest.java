package dev.tacit.http.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static dev.tacit.http.signature.SignedRequests.KEY;
import static dev.tacit.http.signature.SignedRequests.NOW;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every way a request can fail verification, each with its own exception. */
class RequestVerifierRejectionTest {

    private final RequestVerifier verifier = SignedRequests.verifierAt(NOW);
    private final HttpRequestParts signedPost = SignedRequests.signed(SignedRequests.post());

    private void rejects(Class<? extends Throwable> expected, HttpRequestParts request) {
        Executable verify = () -> verifier.verify(request);
        assertThrows(expected, verify);
    }

    private static HttpRequestParts retarget(HttpRequestParts request, String method, String uri) {
        return HttpRequestParts.of(method, URI.create(uri), request.headers(), request.body());
    }

    @Test
    void theUntamperedRequestVerifies() {
        assertDoesNotThrow(() -> verifier.verify(signedPost));
    }

    @Test
    void anUnsignedRequestIsMissingItsSignature() {
        rejects(MissingSignatureException.class, SignedRequests.post());
        rejects(MissingSignatureException.class, SignedRequests.replacingField(signedPost, "Signature", null));
        rejects(MissingSignatureException.class, SignedRequests.replacingField(signedPost, "Signature-Input", null));
    }

    @Test
    void aChangedMethodPathQueryOrAuthorityBreaksTheSignature() {
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "PUT", "https://tacit.example/v1/account/keys?limit=5"));
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "POST", "https://tacit.example/v1/account/kéys?limit=5".replace("é", "%C3%A9")));
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "POST", "https://tacit.example/v1/account/keys?limit=6"));
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "POST", "https://tacit.example/v1/account/keys"));
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "POST", "https://other.example/v1/account/keys?limit=5"));
        rejects(InvalidRequestSignatureException.class, retarget(signedPost, "POST", "https://tacit.example:8443/v1/account/keys?limit=5"));
    }

    @Test
    void aChangedBodyFailsTheContentDigest() {
        byte[] body = signedPost.body();
        body[body.length - 2] ^= 1;
        rejects(ContentDigestMismatchException.class, HttpRequestParts.of("POST", signedPost.targetUri(), signedPost.headers(), body));
    }

    @Test
    void aReplacedBodyAndDigestBreakTheSignature() {
        byte[] body = "{\"prekeys\":[1]}".getBytes(StandardCharsets.UTF_8);
        HttpRequestParts swapped = HttpRequestParts.of("POST", signedPost.targetUri(),
                SignedRequests.replacingField(signedPost, "Content-Digest", ContentDigest.of(body)).headers(), body);
        rejects(InvalidRequestSignatureException.class, swapped);
    }

    @Test
    void aRemovedBodyOrDigestIsNotTheProfile() {
        rejects(SignatureProfileException.class, HttpRequestParts.of("POST", signedPost.targetUri(), signedPost.headers(), new byte[0]));
        rejects(MissingComponentException.class, SignedRequests.replacingField(signedPost, "Content-Digest", null));
        HttpRequestParts signedGet = SignedRequests.signed(SignedRequests.get());
        rejects(SignatureProfileException.class, HttpRequestParts.of("GET", signedGet.targetUri(), signedGet.headers(), new byte[] {1}));
    }

    @Test
    void aSignatureByAnotherKeyOrAnUnknownAccountIsRejected() throws Exception {
        Ed25519TestKey impostor = Ed25519TestKey.generate(SignedRequests.PHONE);
        rejects(InvalidRequestSignatureException.class, SignedRequests.signedWithParams(SignedRequests.post(), impostor, p -> p, "tacit"));
        Ed25519TestKey stranger = Ed25519TestKey.generate("+15555550199");
        rejects(UnknownSigningKeyException.class, SignedRequests.signedWithParams(SignedRequests.post(), stranger, p -> p, "tacit"));
    }

    @Test
    void aSignatureFromOtherSignatureBytesFails() {
        String signature = signedPost.headers().combined("Signature").orElseThrow();
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = signature.substring(0, 10) + flipped + signature.substring(11);
        rejects(InvalidRequestSignatureException.class, SignedRequests.replacingField(signedPost, "Signature", tampered));
    }

    @Test
    void aStaleOrFutureCreatedIsNotFresh() {
        Duration justOutside = RequestVerifier.DEFAULT_FRESHNESS_WINDOW.plusSeconds(1);
        assertThrows(SignatureNotFreshException.class, () -> SignedRequests.verifierAt(NOW.plus(justOutside)).verify(signedPost));
        assertThrows(SignatureNotFreshException.class, () -> SignedRequests.verifierAt(NOW.minus(justOutside)).verify(signedPost));
    }

    @Test
    void expiresMustBeInTheFuture() throws Exception {
        HttpRequestParts expiring = SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "expires", new BareItem.SfInteger(NOW.getEpochSecond() + 60)), "tacit");
        assertDoesNotThrow(() -> verifier.verify(expiring));
        assertThrows(SignatureExpiredException.class, () -> SignedRequests.verifierAt(NOW.plusSeconds(60)).verify(expiring));
        org.junit.jupiter.api.Assertions.assertEquals(NOW.plusSeconds(60), verifier.verify(expiring).acceptedUntil());
    }

    @Test
    void theWrongAlgOrTagIsNotTheProfile() throws Exception {
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "alg", new BareItem.SfString("rsa-pss-sha512")), "tacit"));
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "tag", new BareItem.SfString("tacit-v2")), "tacit"));
        rejects(MalformedSignatureHeaderException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "alg", new BareItem.SfToken("ed25519")), "tacit"));
    }

    @Test
    void missingOrExtraParametersAreNotTheProfile() throws Exception {
        for (String name : new String[] {"created", "nonce", "keyid", "alg", "tag"}) {
            rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                    p -> SignedRequests.withoutParam(p, name), "tacit"));
        }
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "context", new BareItem.SfString("x")), "tacit"));
    }

    @Test
    void aShortNonceOrNonPhoneKeyIdIsNotTheProfile() throws Exception {
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "nonce", new BareItem.SfString(TacitSignatureProfile.encodeNonce(new byte[15]))), "tacit"));
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "nonce", new BareItem.SfString("AAAAAAAAAAAAAAAAAAAAAA=="
                )), "tacit"));
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                p -> SignedRequests.withParam(p, "keyid", new BareItem.SfString("alice")), "tacit"));
    }

    @Test
    void aComponentListOtherThanTheProfilesIsRejected() throws Exception {
        String[][] lists = {
            {"@method", "@authority", "@path", "content-digest"},
            {"@method", "@path", "@authority", "@query", "content-digest"},
            {"@method", "@target-uri", "content-digest"},
            {"@method", "@authority", "@path", "@query", "content-digest", "content-type"},
            {"@method", "@authority", "@path", "@query"},
        };
        for (String[] list : lists) {
            rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY,
                    p -> SignedRequests.withComponents(p, list), "tacit"));
        }
    }

    @Test
    void otherOrMissingLabelsAreRejected() throws Exception {
        rejects(SignatureProfileException.class, SignedRequests.signedWithParams(SignedRequests.post(), KEY, p -> p, "sig1"));
        HttpRequestParts twoLabels = SignedRequests.replacingField(signedPost, "Signature",
                signedPost.headers().combined("Signature").orElseThrow() + ", other=:" + "A".repeat(86) + "==:");
        rejects(SignatureProfileException.class, twoLabels);
    }

    @Test
    void aDuplicateLabelIsMalformedEvenOnSeparateFieldLines() {
        String input = signedPost.headers().combined("Signature-Input").orElseThrow();
        rejects(MalformedSignatureHeaderException.class, SignedRequests.withFields(signedPost, Map.of("Signature-Input", input)));
    }

    @Test
    void malformedFieldSyntaxIsRejected() {
        String input = signedPost.headers().combined("Signature-Input").orElseThrow();
        String[] badInputs = {
            input.replace("(", ""),
            input + ",",
            input.replace("tacit=", "Tacit="),
            input.replace(";created=", ";created=1.5;x="),
            input.replace("\"@method\"", "\"@method"),
            "tacit",
            "tacit=:AAAA:",
        };
        for (String bad : badInputs) {
            rejects(dev.tacit.crypto.MalformedEncodingException.class, SignedRequests.replacingField(signedPost, "Signature-Input", bad));
        }
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature-Input", "tacit=?1"));
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature", "tacit=:" + "A".repeat(84) + ":"));
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature", "tacit=:AAAA:"));
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature", "tacit=(\"a\")"));
    }

    @Test
    void oversizedFieldsAreRejectedBeforeParsing() {
        String input = signedPost.headers().combined("Signature-Input").orElseThrow();
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature-Input",
                input + ";pad=\"" + "x".repeat(StructuredFieldParser.MAX_FIELD_LENGTH) + "\""));
        rejects(MalformedSignatureHeaderException.class, SignedRequests.replacingField(signedPost, "Signature",
                "tacit=:" + "A".repeat(StructuredFieldParser.MAX_FIELD_LENGTH) + ":"));
    }

    @Test
    void theFreshnessWindowIsBounded() {
        assertThrows(IllegalArgumentException.class,
                () -> new RequestVerifier(SignedRequests.RESOLVER, SignedRequests.CLOCK, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RequestVerifier(SignedRequests.RESOLVER, SignedRequests.CLOCK, Duration.ofHours(2)));
    }
}
