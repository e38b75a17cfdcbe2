package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Recomputes the worked example of a send request of docs/protocol.md §4.12 from its fixed inputs: a first-contact
 * token (the key and client randomness of §2.1.6, the first-contact challenge of {@code tacit.example}) paying
 * for §3.5's example envelope to Bob, as the JSON body of {@code POST /v1/messages}.
 */
class FirstContactSendExampleTest {

    private static final String EXAMPLE = "first-contact-send";

    @Test
    void theDocumentsSendRequestExampleIsWhatTheCodeProduces() throws Exception {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0));
        TokenChallenge challenge = TokenChallenge.forPurpose("tacit.example", TokenPurpose.FIRST_CONTACT,
                RedemptionContext.none());
        byte[] nonce = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] salt = Hex.decode("5a".repeat(48));
        BigInteger blind = new BigInteger("a5".repeat(255), 16);
        PendingToken pending = new TokenClient(issuer.publicKey(), new SecureRandom()).blind(challenge, nonce, salt, blind);
        Token token = pending.finalizeToken(issuer.blindSign(pending.request()));
        String recipient = document.field("e2e-sealed-envelope", "recipient_e164");
        byte[] envelope = Hex.decode(document.field("e2e-sealed-envelope", "envelope"));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("challenge", Hex.toHexString(challenge.encode()));
        fields.put("challenge_digest", Hex.toHexString(challenge.digest()));
        fields.put("token", Hex.toHexString(token.encode()));
        fields.put("recipient", recipient);
        fields.put("envelope_length", Integer.toString(envelope.length));
        fields.put("body", Json.createObjectBuilder()
                .add("recipient", recipient)
                .add("envelope", Base64Url.encode(envelope))
                .add("token", Base64Url.encode(token.encode()))
                .build().toString());
        document.assertMatches(EXAMPLE, fields);

        assertDoesNotThrow(() -> new TokenVerifier(IssuerKeyRing.of(issuer.publicKey())).verify(token, challenge));
        assertDoesNotThrow(() -> SealedEnvelope.fromBytes(envelope));
    }
}
