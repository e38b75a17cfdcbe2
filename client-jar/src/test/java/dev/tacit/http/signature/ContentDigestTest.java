package dev.tacit.http.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 9530 Content-Digest with sha-256. */
class ContentDigestTest {

    /** The content of RFC 9530's examples, {"hello": "world"} and a line feed. */
    private static final byte[] RFC9530_CONTENT = "{\"hello\": \"world\"}\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sha256OfTheRfc9530ExampleContent() {
        // RFC 9530 Appendix B.1.
        assertEquals("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:", ContentDigest.of(RFC9530_CONTENT));
    }

    @Test
    void sha512OfTheRfc9530ExampleMatchesItsSection2() throws Exception {
        // RFC 9530 §2 gives sha-512 of the same content; checks we read the example content right.
        byte[] digest = java.security.MessageDigest.getInstance("SHA-512").digest(RFC9530_CONTENT);
        assertEquals("YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCsyRZOtw8MjkM7iw7yZ/WkppmM44T3qg==",
                Base64.getEncoder().encodeToString(digest));
    }

    @Test
    void verifiesItsOwnDigest() {
        assertDoesNotThrow(() -> ContentDigest.verify(ContentDigest.of(RFC9530_CONTENT), RFC9530_CONTENT));
    }

    @Test
    void rejectsAChangedBody() {
        byte[] changed = RFC9530_CONTENT.clone();
        changed[3] ^= 1;
        assertThrows(ContentDigestMismatchException.class, () -> ContentDigest.verify(ContentDigest.of(RFC9530_CONTENT), changed));
    }

    @Test
    void rejectsOtherAlgorithmsAndExtraMembers() {
        String sha512 = "sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCsyRZOtw8MjkM7iw7yZ/WkppmM44T3qg==:";
        assertThrows(MalformedSignatureHeaderException.class, () -> ContentDigest.verify(sha512, RFC9530_CONTENT));
        assertThrows(MalformedSignatureHeaderException.class,
                () -> ContentDigest.verify(ContentDigest.of(RFC9530_CONTENT) + ", " + sha512, RFC9530_CONTENT));
    }

    @Test
    void rejectsAWrongLengthDigestAndBadSyntax() {
        assertThrows(MalformedSignatureHeaderException.class, () -> ContentDigest.verify("sha-256=:AAAA:", RFC9530_CONTENT));
        assertThrows(MalformedSignatureHeaderException.class, () -> ContentDigest.verify("sha-256=RK/0qy18", RFC9530_CONTENT));
        assertThrows(MalformedSignatureHeaderException.class, () -> ContentDigest.verify("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:;x=1", RFC9530_CONTENT));
    }
}
