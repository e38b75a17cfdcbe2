package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;
import dev.tacit.crypto.wire.Base64Url;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Recomputes the worked example of a redemption of docs/protocol.md §4.24 from its fixed inputs: three stamps for the
 * reputation challenge of {@code tacit.example} (the key and client randomness of §2.1.6, nonces {@code 00…1f},
 * {@code 20…3f}, {@code 40…5f}) and a TokenRequest for the first-contact challenge (nonce {@code 60…7f}), as the
 * JSON body of {@code POST /v1/account/reputation-tokens}, and the token the answer finalises to. The example signs
 * stamps and token with one key for brevity; a server's stamp and first-contact keys differ.
 */
class ReputationRedemptionExampleTest {

    private static final String EXAMPLE = "reputation-redemption";

    @Test
    void theDocumentsRedemptionExampleIsWhatTheCodeProduces() throws Exception {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0));
        TokenChallenge stampChallenge = TokenChallenge.forPurpose("tacit.example", TokenPurpose.REPUTATION,
                RedemptionContext.none());
        TokenChallenge firstContact = TokenChallenge.forPurpose("tacit.example", TokenPurpose.FIRST_CONTACT,
                RedemptionContext.none());
        List<Token> stamps = new ArrayList<>();
        for (int first : new int[] {0x00, 0x20, 0x40}) {
            PendingToken pending = blind(issuer, stampChallenge, first);
            stamps.add(pending.finalizeToken(issuer.blindSign(pending.request())));
        }
        PendingToken request = blind(issuer, firstContact, 0x60);
        TokenResponse response = issuer.blindSign(request.request());
        Token token = request.finalizeToken(response);

        JsonArrayBuilder encoded = Json.createArrayBuilder();
        stamps.forEach(stamp -> encoded.add(Base64Url.encode(stamp.encode())));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("stamp_challenge", Hex.toHexString(stampChallenge.encode()));
        fields.put("stamp_challenge_digest", Hex.toHexString(stampChallenge.digest()));
        fields.put("request", Json.createObjectBuilder().add("stamps", encoded)
                .add("tokenRequest", Base64Url.encode(request.request().encode())).build().toString());
        fields.put("token_response", Hex.toHexString(response.encode()));
        fields.put("token", Hex.toHexString(token.encode()));
        document.assertMatches(EXAMPLE, fields);

        for (Token stamp : stamps) {
            assertDoesNotThrow(() -> new TokenVerifier(IssuerKeyRing.of(issuer.publicKey())).verify(stamp, stampChallenge));
            assertThrows(ChallengeMismatchException.class, () -> new TokenVerifier(
                    IssuerKeyRing.of(issuer.publicKey())).verify(stamp, firstContact), "a stamp is no first-contact token");
        }
        assertDoesNotThrow(() -> new TokenVerifier(IssuerKeyRing.of(issuer.publicKey())).verify(token, firstContact));
    }

    private static PendingToken blind(IssuerKeyPair issuer, TokenChallenge challenge, int firstNonceByte)
            throws Exception {
        byte[] nonce = new byte[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) (firstNonceByte + i);
        }
        return new TokenClient(issuer.publicKey(), new SecureRandom()).blind(challenge, nonce,
                Hex.decode("5a".repeat(48)), new BigInteger("a5".repeat(255), 16));
    }
}
