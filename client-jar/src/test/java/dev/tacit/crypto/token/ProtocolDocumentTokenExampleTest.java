package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** Recomputes the worked example of docs/protocol.md §2.1 from its fixed inputs. */
class ProtocolDocumentTokenExampleTest {

    private static final String EXAMPLE = "blind-rsa-token";

    @Test
    void theDocumentsBlindRsaTokenExampleIsWhatTheCodeProduces() throws Exception {
        RedemptionContext window = RedemptionContext.forTimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1));
        TokenChallenge challenge = TokenChallenge.forPurpose("tacit.example", TokenPurpose.DISCOVERY, window);
        byte[] nonce = DocumentTokens.EXAMPLE_NONCE;
        byte[] salt = DocumentTokens.salt();
        BigInteger blind = DocumentTokens.blindingFactor();

        DocumentTokens.Issuance issuance = DocumentTokens.issuance(nonce);
        IssuerKeyPair issuer = issuance.issuer();
        TokenResponse response = issuance.response();
        Token token = issuance.token();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("issuer_public_key", Hex.toHexString(issuer.publicKey().encode()));
        fields.put("token_key_id", issuer.publicKey().keyId().toString());
        fields.put("window_start", "2026-01-01T00:00:00Z");
        fields.put("window_seconds", "3600");
        fields.put("redemption_context", Hex.toHexString(window.encode()));
        fields.put("challenge", Hex.toHexString(challenge.encode()));
        fields.put("challenge_digest", Hex.toHexString(challenge.digest()));
        fields.put("nonce", Hex.toHexString(nonce));
        fields.put("token_input", Hex.toHexString(token.authenticatorInput()));
        fields.put("salt", Hex.toHexString(salt));
        fields.put("blind", Hex.toHexString(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(TokenFormat.NK, blind)));
        fields.put("token_request", Hex.toHexString(issuance.request().encode()));
        fields.put("token_response", Hex.toHexString(response.encode()));
        fields.put("token", Hex.toHexString(token.encode()));
        ProtocolDocumentExamples.load().assertMatches(EXAMPLE, fields);

        assertDoesNotThrow(() -> new TokenVerifier(IssuerKeyRing.of(issuer.publicKey())).verify(token, challenge));
    }
}
