package dev.tacit.crosscheck;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/protocol.md §5.4 rebuilt from §5.1–5.2 (RFC 9421 as Tacit profiles it) and signed with the JDK's Ed25519.
 */
class RequestSignatureCrossCheckTest {

    private static Map<String, String> example;

    @BeforeAll
    static void readTheDocument() {
        example = ProtocolDocumentExamples.load().example("http-signature-request");
    }

    @Test
    void signatureBaseAndSignatureAreReproduced() throws GeneralSecurityException {
        byte[] seed = hex(example.get("key_seed"));
        URI target = URI.create(example.get("target_uri"));
        byte[] body = example.get("body").getBytes(StandardCharsets.UTF_8);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256", "SUN").digest(body)) + ":";
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(hex(example.get("nonce_bytes")));
        String parameters = "(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=" + example.get("created")
                + ";nonce=\"" + nonce + "\";keyid=\"" + example.get("keyid") + "\";alg=\"ed25519\";tag=\"tacit-v1\"";
        String[] lines = {
            "\"@method\": " + example.get("method"),
            "\"@authority\": " + target.getHost().toLowerCase(Locale.ROOT), // https on its default port
            "\"@path\": " + target.getRawPath(),
            "\"@query\": ?" + target.getRawQuery(),
            "\"content-digest\": " + digest,
            "\"@signature-params\": " + parameters};
        byte[] base = String.join("\n", lines).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = JdkCurve25519.ed25519Sign(seed, base);

        assertEquals(example.get("public_key"), hex(JdkCurve25519.ed25519Public(seed)));
        assertEquals(example.get("content_digest"), digest);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(example.get("base_line_" + (i + 1)), lines[i]);
        }
        assertEquals(example.get("signature_input"), "tacit=" + parameters);
        assertEquals(example.get("signature"), "tacit=:" + Base64.getEncoder().encodeToString(signature) + ":");
        assertTrue(JdkCurve25519.ed25519Verify(hex(example.get("public_key")), base, signature));
    }
}
