package dev.tacit.crypto.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crypto.identity.ExampleAccounts.counting;
import static dev.tacit.crypto.identity.ExampleAccounts.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks the identity examples of docs/protocol.md §3 against the code. */
class IdentityExamplesTest {

    private final ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
    private final ExampleAccounts accounts = new ExampleAccounts();

    @Test
    void certificatesExampleMatchesTheCode() throws Exception {
        TestPki.Account alice = accounts.alice;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ca_seed", hex(counting(0x00)));
        fields.put("identity_seed", hex(counting(0x20)));
        fields.put("ca_common_name", "Tacit example CA");
        fields.put("not_before", ExampleAccounts.NOT_BEFORE.toString());
        fields.put("not_after", ExampleAccounts.NOT_AFTER.toString());
        fields.put("e164", alice.number.e164());
        fields.put("ca_certificate", hex(accounts.ca.certificate().toBytes()));
        fields.put("certification_request", hex(CertificationRequest.create(alice.identity, alice.number).toBytes()));
        fields.put("identity_certificate", hex(alice.certificate.toBytes()));

        document.assertMatches("e2e-certificates", fields);
        assertEquals(alice.number, accounts.verifier().verify(alice.certificate, ExampleAccounts.NOW).phoneNumber());
    }

    @Test
    void signedKeysExampleMatchesTheCode() throws Exception {
        TestPki.Account alice = accounts.alice;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("identity_seed", hex(counting(0x20)));
        fields.put("identity_public", hex(alice.identity.publicKey().toBytes()));
        fields.put("envelope_key_private", hex(counting(0x60)));
        fields.put("envelope_key_public", hex(alice.envelopeKey.publicKey().toBytes()));
        fields.put("signed_envelope_key", hex(SignedPreKey.sign(alice.identity, KeyPurpose.ENVELOPE_KEY, 1,
                alice.envelopeKey.publicKey()).toBytes()));
        fields.put("pre_key_private", hex(counting(0x80)));
        fields.put("signed_pre_key", hex(SignedPreKey.sign(alice.identity, KeyPurpose.RATCHET_PRE_KEY, 7,
                alice.preKey.publicKey()).toBytes()));

        document.assertMatches("e2e-signed-keys", fields);
        KeyBundle.fromBytes(alice.bundle.toBytes()).verify(accounts.verifier(), ExampleAccounts.NOW);
    }
}
