package dev.tacit.crypto.bulk;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.protocol.ProtocolDocumentExamples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The worked example {@code bulk-sender-proof} of docs/protocol.md §4.27: the signed bytes for an account and a
 * challenge, and their Ed25519 signature by the key of RFC 8032 §7.1 test 1 (Ed25519 is deterministic). A snapshot
 * of the code's output; the signed bytes are also written out by hand in {@link BulkSenderProofTest}.
 */
class BulkSenderProofExampleTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theDocumentsExampleIsWhatTheCodeSigns() throws Exception {
        ProtocolDocumentExamples examples = ProtocolDocumentExamples.load();
        String id = "bulk-sender-proof";
        PhoneNumber account = PhoneNumber.of(examples.field(id, "account"));
        byte[] challenge = HEX.parseHex(examples.field(id, "challenge"));
        byte[] seed = HEX.parseHex(examples.field(id, "ed25519_seed"));
        byte[] publicKey = HEX.parseHex(examples.field(id, "ed25519_public"));
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        PublicKey verifying = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HEX.parseHex("302a300506032b6570032100" + examples.field(id, "ed25519_public"))));

        byte[] signature = BulkSenderProof.sign(key, account, challenge, null);
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("account", account.e164());
        computed.put("challenge", HEX.formatHex(challenge));
        computed.put("ed25519_seed", HEX.formatHex(seed));
        computed.put("ed25519_public", HEX.formatHex(publicKey));
        computed.put("signed_bytes", HEX.formatHex(BulkSenderProof.signedBytes(account, challenge)));
        computed.put("signature", HEX.formatHex(signature));
        examples.assertMatches(id, computed);
        assertDoesNotThrow(() -> BulkSenderProof.verify(verifying, account, challenge, signature));
    }
}
