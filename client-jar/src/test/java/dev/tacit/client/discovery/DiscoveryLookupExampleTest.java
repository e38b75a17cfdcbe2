package dev.tacit.client.discovery;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.DocumentTokens;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * docs/protocol.md §4.11's worked example: the request the client library sends for its numbers and tokens, and the
 * answer, built from the document's other examples, which the library reads and verifies.
 */
class DiscoveryLookupExampleTest {

    private static final ProtocolDocumentExamples DOCUMENT = ProtocolDocumentExamples.load();
    private static final byte[] SECOND_NONCE = Hex.decode("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");

    @Test
    void theDocumentsLookUpIsWhatTheClientSendsAndReads() throws Exception {
        List<PhoneNumber> numbers = numbers();
        Token first = Token.decode(Hex.decode(DOCUMENT.field("blind-rsa-token", "token")));
        Token second = DocumentTokens.token(SECOND_NONCE);
        assertArrayEquals(first.encode(), DocumentTokens.token(DocumentTokens.EXAMPLE_NONCE).encode(),
                "the first token is §2.1.6's");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("numbers", String.join(",", numbers.stream().map(PhoneNumber::e164).toList()));
        fields.put("request", DiscoveryApi.lookupRequest(numbers, List.of(first, second)).toString());
        fields.put("response", answer().toString());
        DOCUMENT.assertMatches("discovery-lookup", fields);
    }

    @Test
    void theDocumentsAnswerVerifiesUnderTheDocumentsCa() throws Exception {
        List<ContactLookup> results = DiscoveryApi.readAnswer(numbers(), documentAnswer(), pinnedCa(),
                Instant.parse("2026-06-01T00:00:00Z"));

        ContactLookup.Registered alice = assertInstanceOf(ContactLookup.Registered.class, results.get(0));
        assertEquals(numbers().get(0), alice.number());
        assertArrayEquals(Hex.decode(DOCUMENT.field("e2e-signed-keys", "identity_public")),
                alice.keyBundle().identity().identityKey().toBytes());
        assertArrayEquals(Hex.decode(DOCUMENT.field("e2e-signed-keys", "envelope_key_public")),
                alice.keyBundle().envelopeKey().toBytes());
        assertArrayEquals(Hex.decode(DOCUMENT.field("bbs-group-key", "group_public_key")),
                alice.groupPublicKey().toBytes());
        assertEquals(new ContactLookup.NotRegistered(numbers().get(1)), results.get(1));
    }

    @Test
    void anAnswerIsRefusedWhenItsKeysDoNotCheckOut() throws Exception {
        // after the certificate's validity
        assertThrows(UntrustedKeyBundleException.class, () -> DiscoveryApi.readAnswer(numbers(), documentAnswer(),
                pinnedCa(), Instant.parse("2027-06-01T00:00:00Z")));
        // Alice's bundle given as another number's: the certificate names someone else
        List<PhoneNumber> swapped = List.of(PhoneNumber.of("+4915100000003"), numbers().get(1));
        String forOther = documentAnswer().toString().replace("\"+4915100000001\"", "\"+4915100000003\"");
        assertThrows(UntrustedKeyBundleException.class, () -> DiscoveryApi.readAnswer(swapped, json(forOther),
                pinnedCa(), Instant.parse("2026-06-01T00:00:00Z")));
        // one signed key altered
        byte[] bundle = bundle();
        bundle[bundle.length - 1] ^= 1;
        String altered = documentAnswer().toString().replace(Base64Url.encode(bundle()), Base64Url.encode(bundle));
        assertThrows(UntrustedKeyBundleException.class, () -> DiscoveryApi.readAnswer(numbers(), json(altered),
                pinnedCa(), Instant.parse("2026-06-01T00:00:00Z")));
    }

    private static List<PhoneNumber> numbers() throws Exception {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String number : DOCUMENT.field("discovery-lookup", "numbers").split(",")) {
            numbers.add(PhoneNumber.of(number));
        }
        return numbers;
    }

    /** Alice's key bundle (§3.3) from §3.2's certificate and §3.3's signed keys. */
    private static byte[] bundle() {
        return KeyBundle.encode(Hex.decode(DOCUMENT.field("e2e-certificates", "identity_certificate")),
                Hex.decode(DOCUMENT.field("e2e-signed-keys", "signed_envelope_key")),
                Hex.decode(DOCUMENT.field("e2e-signed-keys", "signed_pre_key")));
    }

    /** The answer §4.11 specifies for the example: Alice's keys, then nothing for the unregistered number. */
    private static JsonObject answer() {
        return Json.createObjectBuilder().add("results", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("number", "+4915100000001")
                        .add("keyBundle", Base64Url.encode(bundle()))
                        .add("groupPublicKey", Base64Url.encode(Hex.decode(DOCUMENT.field("bbs-group-key",
                                "group_public_key")))))
                .add(Json.createObjectBuilder().add("number", "+4915100000009").addNull("keyBundle")
                        .addNull("groupPublicKey")))
                .build();
    }

    private static JsonObject documentAnswer() {
        return json(DOCUMENT.field("discovery-lookup", "response"));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static PinnedCaVerifier pinnedCa() throws Exception {
        return new PinnedCaVerifier(CaCertificate.fromBytes(Hex.decode(DOCUMENT.field("e2e-certificates", "ca_certificate"))));
    }
}
