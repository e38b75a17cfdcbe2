package dev.tacit.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.ExampleAccounts;
import dev.tacit.crypto.identity.TestPki;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crypto.identity.ExampleAccounts.counting;
import static dev.tacit.crypto.identity.ExampleAccounts.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Checks the sealed-envelope example of docs/protocol.md §3 against the code. */
class EnvelopeExamplesTest {

    @Test
    void sealedEnvelopeExampleMatchesTheCode() throws Exception {
        ExampleAccounts accounts = new ExampleAccounts();
        TestPki.Account alice = accounts.alice;
        TestPki.Account bob = accounts.bob;
        Instant timestamp = Instant.parse("2026-06-01T11:59:30Z");
        byte[] content = "Hello, Bob".getBytes(StandardCharsets.UTF_8);
        AgreementKeyPair ephemeral = AgreementKeyPair.fromPrivateBytes(counting(0xa0));
        EnvelopeSender sender = EnvelopeSender.of(alice.identity, alice.certificate);

        SealedEnvelope envelope = SealedEnvelope.seal(sender, bob.number, bob.envelopeKey.publicKey(), content, timestamp, ephemeral);
        byte[] signedContent = SignedContent.sign(sender, bob.number, timestamp, content).toBytes();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sender_identity_seed", hex(counting(0x20)));
        fields.put("recipient_e164", bob.number.e164());
        fields.put("recipient_envelope_key_private", hex(counting(0x70)));
        fields.put("recipient_envelope_key_public", hex(bob.envelopeKey.publicKey().toBytes()));
        fields.put("ephemeral_private", hex(counting(0xa0)));
        fields.put("timestamp_ms", Long.toString(timestamp.toEpochMilli()));
        fields.put("content", hex(content));
        fields.put("hpke_info", hex(SealedEnvelope.info(bob.number)));
        fields.put("signed_content", hex(signedContent));
        fields.put("padded_length", Integer.toString(EnvelopePadding.paddedLength(signedContent.length)));
        fields.put("envelope", hex(envelope.toBytes()));

        ProtocolDocumentExamples.load().assertMatches("e2e-sealed-envelope", fields);
        assertArrayEquals(content, SealedEnvelope.fromBytes(envelope.toBytes())
                .open(new EnvelopeRecipient(bob.number, bob.envelopeKey), accounts.verifier(), ExampleAccounts.NOW).content());
    }
}
