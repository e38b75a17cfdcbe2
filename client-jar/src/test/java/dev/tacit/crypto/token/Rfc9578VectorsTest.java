package dev.tacit.crypto.token;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issuance protocol 2 end to end against every test vector of RFC 9578 Appendix A.2. */
class Rfc9578VectorsTest {

    static Stream<TestVectorFile.Vector> vectors() {
        return Rfc9578TestVectors.VECTORS.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theIssuerPublicKeyEncodesAsTheVectorsSpki(TestVectorFile.Vector v) throws Exception {
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(v);

        assertArrayEquals(v.bytes("pkS"), issuer.publicKey().encode());
        assertEquals(issuer.publicKey(), IssuerPublicKey.decode(v.bytes("pkS")));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theChallengeDecodesAndReencodesUnchanged(TestVectorFile.Vector v) throws Exception {
        assertArrayEquals(v.bytes("token_challenge"), TokenChallenge.decode(v.bytes("token_challenge")).encode());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void blindingGivesTheVectorsTokenRequest(TestVectorFile.Vector v) throws Exception {
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(v);
        TokenClient client = new TokenClient(issuer.publicKey(), new java.security.SecureRandom());

        PendingToken pending = client.blind(TokenChallenge.decode(v.bytes("token_challenge")), v.bytes("nonce"),
                v.bytes("salt"), Rfc9578TestVectors.blindingFactor(v));

        assertArrayEquals(v.bytes("token_request"), pending.request().encode());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void blindSigningGivesTheVectorsTokenResponse(TestVectorFile.Vector v) throws Exception {
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(v);

        TokenResponse response = issuer.blindSign(TokenRequest.decode(v.bytes("token_request")));

        assertArrayEquals(v.bytes("token_response"), response.encode());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void finalizingGivesTheVectorsTokenWhichVerifiesForItsChallenge(TestVectorFile.Vector v) throws Exception {
        IssuerKeyPair issuer = Rfc9578TestVectors.issuerKey(v);
        TokenChallenge challenge = TokenChallenge.decode(v.bytes("token_challenge"));
        PendingToken pending = new TokenClient(issuer.publicKey(), new java.security.SecureRandom())
                .blind(challenge, v.bytes("nonce"), v.bytes("salt"), Rfc9578TestVectors.blindingFactor(v));

        Token token = pending.finalizeToken(TokenResponse.decode(v.bytes("token_response")));

        assertArrayEquals(v.bytes("token"), token.encode());
        assertArrayEquals(v.bytes("nonce"), token.nonce());
        assertEquals(issuer.publicKey().keyId(), token.keyId());
        TokenVerifier verifier = new TokenVerifier(IssuerKeyRing.of(issuer.publicKey()));
        assertDoesNotThrow(() -> verifier.verify(Token.decode(v.bytes("token")), challenge));
    }
}
