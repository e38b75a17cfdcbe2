package dev.tacit.crypto.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issuing, finalizing and verifying tokens, and every way a token or message is rejected. */
class TokenIssuanceTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenChallenge CHALLENGE = TokenChallenge.forPurpose("tacit.example", TokenPurpose.DISCOVERY,
            RedemptionContext.forTimeWindow(Instant.ofEpochSecond(1_764_028_800L), Duration.ofHours(1)));

    private static IssuerKeyPair issuer;
    private static IssuerKeyPair otherIssuer;

    @BeforeAll
    static void keys() throws Exception {
        issuer = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0));
        // Truncated key ids are one byte and may collide; the other issuer is one whose id differs, so tests
        // of a mismatch are about the mismatch.
        do {
            otherIssuer = IssuerKeyPair.generate(RANDOM);
        } while (otherIssuer.publicKey().keyId().truncated() == issuer.publicKey().keyId().truncated());
    }

    private static Token issue(IssuerKeyPair keys, TokenChallenge challenge) throws Exception {
        PendingToken pending = new TokenClient(keys.publicKey(), RANDOM).blind(challenge);
        return pending.finalizeToken(keys.blindSign(TokenRequest.decode(pending.request().encode())));
    }

    private static TokenVerifier verifierFor(IssuerKeyPair... keys) {
        IssuerKeyRing ring = IssuerKeyRing.empty();
        for (IssuerKeyPair key : keys) {
            ring = ring.with(key.publicKey());
        }
        return new TokenVerifier(ring);
    }

    @Test
    void anIssuedTokenVerifiesAfterAWireRoundTrip() throws Exception {
        Token token = issue(issuer, CHALLENGE);

        Token received = Token.decode(token.encode());

        assertEquals(Token.LENGTH, token.encode().length);
        assertEquals(token, received);
        assertTrue(received.isFor(CHALLENGE));
        assertDoesNotThrow(() -> verifierFor(issuer).verify(received, CHALLENGE));
    }

    @Test
    void twoTokensForTheSameChallengeDiffer() throws Exception {
        Token first = issue(issuer, CHALLENGE);
        Token second = issue(issuer, CHALLENGE);

        assertFalse(java.util.Arrays.equals(first.nonce(), second.nonce()));
        assertNotEquals(first, second);
    }

    @Test
    void theIssuerSeesADifferentBlindedMessageEachTime() throws Exception {
        TokenClient client = new TokenClient(issuer.publicKey(), RANDOM);

        byte[] first = client.blind(CHALLENGE).request().encode();
        byte[] second = client.blind(CHALLENGE).request().encode();

        assertFalse(java.util.Arrays.equals(first, second));
        assertEquals(issuer.publicKey().keyId().truncated(), TokenRequest.decode(first).truncatedKeyId());
    }

    @Test
    void aVerifierAcceptsTokensOfEveryKeyInItsRingDuringRotation() throws Exception {
        Token old = issue(issuer, CHALLENGE);
        Token fresh = issue(otherIssuer, CHALLENGE);
        TokenVerifier verifier = verifierFor(issuer, otherIssuer);

        assertDoesNotThrow(() -> verifier.verify(old));
        assertDoesNotThrow(() -> verifier.verify(fresh));
    }

    @Test
    void aTokenWhoseKeyLeftTheRingIsRejectedAsUnknown() throws Exception {
        Token token = issue(issuer, CHALLENGE);
        IssuerKeyRing ring = IssuerKeyRing.of(issuer.publicKey(), otherIssuer.publicKey()).without(issuer.publicKey().keyId());

        assertThrows(UnknownTokenKeyException.class, () -> new TokenVerifier(ring).verify(token));
    }

    @Test
    void aTokenClaimingAnotherKeyIdIsRejected() throws Exception {
        byte[] encoded = issue(issuer, CHALLENGE).encode();
        byte[] otherId = otherIssuer.publicKey().keyId().encode();
        System.arraycopy(otherId, 0, encoded, 66, 32);
        Token relabelled = Token.decode(encoded);

        assertThrows(UnknownTokenKeyException.class, () -> verifierFor(issuer).verify(relabelled));
        assertThrows(InvalidTokenSignatureException.class, () -> verifierFor(issuer, otherIssuer).verify(relabelled));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 33, 34, 65, 66, 97, 98, 200, Token.LENGTH - 1})
    void aTokenWithAnyByteTamperedIsRejected(int index) throws Exception {
        byte[] encoded = issue(issuer, CHALLENGE).encode();
        encoded[index] ^= 0x01;

        Exception e = assertThrows(Exception.class, () -> verifierFor(issuer).verify(Token.decode(encoded), CHALLENGE));
        assertTrue(e instanceof dev.tacit.crypto.CryptoException, e.toString());
        if (index < 2) {
            assertEquals(UnsupportedTokenTypeException.class, e.getClass());
        } else if (index < 34) {
            assertEquals(InvalidTokenSignatureException.class, e.getClass());
        } else if (index < 66) {
            assertEquals(ChallengeMismatchException.class, e.getClass());
        } else if (index < 98) {
            assertEquals(UnknownTokenKeyException.class, e.getClass());
        } else {
            assertEquals(InvalidTokenSignatureException.class, e.getClass());
        }
    }

    @Test
    void aTokenForAnotherChallengeIsRejected() throws Exception {
        Token token = issue(issuer, CHALLENGE);
        TokenChallenge firstContact = TokenChallenge.forPurpose("tacit.example", TokenPurpose.FIRST_CONTACT,
                CHALLENGE.redemptionContext());

        assertFalse(token.isFor(firstContact));
        assertThrows(ChallengeMismatchException.class, () -> verifierFor(issuer).verify(token, firstContact));
    }

    @Test
    void aResponseSignedWithAnotherKeyDoesNotFinalize() throws Exception {
        PendingToken pending = new TokenClient(issuer.publicKey(), RANDOM).blind(CHALLENGE);
        TokenResponse wrong = otherIssuer.blindSign(new TokenClient(otherIssuer.publicKey(), RANDOM).blind(CHALLENGE).request());

        assertThrows(InvalidTokenSignatureException.class, () -> pending.finalizeToken(wrong));
    }

    @Test
    void aResponseToAnotherRequestDoesNotFinalize() throws Exception {
        TokenClient client = new TokenClient(issuer.publicKey(), RANDOM);
        PendingToken mine = client.blind(CHALLENGE);
        PendingToken someoneElses = client.blind(CHALLENGE);

        TokenResponse response = issuer.blindSign(someoneElses.request());

        assertThrows(InvalidTokenSignatureException.class, () -> mine.finalizeToken(response));
    }

    @Test
    void aTamperedResponseDoesNotFinalize() throws Exception {
        PendingToken pending = new TokenClient(issuer.publicKey(), RANDOM).blind(CHALLENGE);
        byte[] response = issuer.blindSign(pending.request()).encode();
        response[100] ^= 0x40;

        assertThrows(InvalidTokenSignatureException.class, () -> pending.finalizeToken(TokenResponse.decode(response)));
    }

    @Test
    void aPendingTokenIsSingleUse() throws Exception {
        PendingToken pending = new TokenClient(issuer.publicKey(), RANDOM).blind(CHALLENGE);
        TokenResponse response = issuer.blindSign(pending.request());
        pending.finalizeToken(response);

        assertThrows(IllegalStateException.class, () -> pending.finalizeToken(response));
    }

    @Test
    void theIssuerRejectsARequestForAnotherKey() throws Exception {
        PendingToken pending = new TokenClient(otherIssuer.publicKey(), RANDOM).blind(CHALLENGE);

        assertThrows(UnknownTokenKeyException.class, () -> issuer.blindSign(pending.request()));
    }

    @Test
    void theIssuerRejectsABlindedMessageNotBelowItsModulus() {
        byte[] ones = new byte[TokenFormat.NK];
        java.util.Arrays.fill(ones, (byte) 0xff);
        TokenRequest request = new TokenRequest(issuer.publicKey().keyId().truncated(), ones);

        assertThrows(MalformedEncodingException.class, () -> issuer.blindSign(request));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Token.LENGTH - 1, Token.LENGTH + 1, 2 * Token.LENGTH})
    void aTokenOfTheWrongLengthIsRejected(int length) {
        byte[] bytes = new byte[length];
        if (length >= 2) {
            bytes[1] = 0x02;
        }
        assertThrows(MalformedEncodingException.class, () -> Token.decode(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, TokenRequest.LENGTH - 1, TokenRequest.LENGTH + 1})
    void aTokenRequestOfTheWrongLengthIsRejected(int length) {
        byte[] bytes = new byte[length];
        if (length >= 2) {
            bytes[1] = 0x02;
        }
        assertThrows(MalformedEncodingException.class, () -> TokenRequest.decode(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, TokenResponse.LENGTH - 1, TokenResponse.LENGTH + 1})
    void aTokenResponseOfTheWrongLengthIsRejected(int length) {
        assertThrows(MalformedEncodingException.class, () -> TokenResponse.decode(new byte[length]));
    }

    @Test
    void aTokenRequestOfAnotherTypeIsRejected() {
        byte[] bytes = new byte[TokenRequest.LENGTH];
        bytes[1] = 0x01;

        assertThrows(UnsupportedTokenTypeException.class, () -> TokenRequest.decode(bytes));
    }

    @Test
    void messagesRoundTripThroughTheirEncodings() throws Exception {
        PendingToken pending = new TokenClient(issuer.publicKey(), RANDOM).blind(CHALLENGE);
        TokenResponse response = issuer.blindSign(pending.request());

        assertArrayEquals(pending.request().encode(), TokenRequest.decode(pending.request().encode()).encode());
        assertArrayEquals(response.encode(), TokenResponse.decode(response.encode()).encode());
    }

    @Test
    void secretsStayOutOfToString() throws Exception {
        PendingToken pending = new TokenClient(issuer.publicKey(), RANDOM).blind(CHALLENGE);
        String pkcs8Hex = org.bouncycastle.util.encoders.Hex.toHexString(issuer.encodePkcs8(InsecureSecretKeyAccess.get()));

        assertFalse(pending.toString().matches(".*[0-9a-f]{100,}.*"), pending.toString());
        assertFalse(issuer.toString().contains(pkcs8Hex.substring(600, 640)));
        assertTrue(issuer.toString().contains(issuer.publicKey().keyId().toString()));
    }
}
