package dev.tacit.crypto.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenChallengeTest {

    static Stream<TestVectorFile.Vector> rfc9577Vectors() {
        return TestVectorFile.load("rfc9577-token-challenge-test-vectors.txt").stream();
    }

    private static TokenChallenge challengeOf(TestVectorFile.Vector v) throws MalformedEncodingException {
        String originInfo = new String(v.bytes("origin_info"), StandardCharsets.US_ASCII);
        List<String> origins = originInfo.isEmpty() ? List.of() : List.of(originInfo.split(","));
        return TokenChallenge.of(new String(v.bytes("issuer_name"), StandardCharsets.US_ASCII),
                RedemptionContext.of(v.bytes("redemption_context")), origins);
    }

    @ParameterizedTest
    @MethodSource("rfc9577Vectors")
    void theChallengeDigestAndTokenInputMatchTheRfc9577Vectors(TestVectorFile.Vector v) throws Exception {
        TokenChallenge challenge = challengeOf(v);

        byte[] input = Token.authenticatorInput(v.bytes("nonce"), challenge.digest(), TokenKeyId.decode(v.bytes("token_key_id")));

        assertArrayEquals(v.bytes("token_authenticator_input"), input);
    }

    @ParameterizedTest
    @MethodSource("rfc9577Vectors")
    void aChallengeDecodesFromItsEncoding(TestVectorFile.Vector v) throws Exception {
        TokenChallenge challenge = challengeOf(v);

        TokenChallenge decoded = TokenChallenge.decode(challenge.encode());

        assertEquals(challenge, decoded);
        assertEquals(challenge.originNames(), decoded.originNames());
        assertEquals(challenge.redemptionContext(), decoded.redemptionContext());
    }

    @Test
    void theEncodingHasTheRfc9577Layout() throws Exception {
        byte[] context = new byte[32];
        Arrays.fill(context, (byte) 0x11);
        TokenChallenge challenge = TokenChallenge.of("ab", RedemptionContext.of(context), List.of("x", "yz"));

        assertEquals("0002" + "0002" + "6162" + "20" + "11".repeat(32) + "0004" + "782c797a", Hex.toHexString(challenge.encode()));
    }

    @Test
    void aPurposeChallengeNamesThePurposeInOriginInfo() {
        TokenChallenge challenge = TokenChallenge.forPurpose("tacit.example", TokenPurpose.DISCOVERY, RedemptionContext.none());

        assertEquals(List.of("discovery"), challenge.originNames());
        assertNotEquals(challenge, TokenChallenge.forPurpose("tacit.example", TokenPurpose.FIRST_CONTACT, RedemptionContext.none()));
    }

    @Test
    void aTimeWindowContextIsTheDocumentedDigest() {
        RedemptionContext context = RedemptionContext.forTimeWindow(Instant.ofEpochSecond(1_764_028_800L), Duration.ofHours(1));
        byte[] label = "tacit token redemption window v1".getBytes(StandardCharsets.US_ASCII);
        byte[] input = org.bouncycastle.util.Arrays.concatenate(label, Hex.decode("000000006924f180"), Hex.decode("0000000000000e10"));

        assertArrayEquals(sha256(input), context.encode());
        assertNotEquals(context, RedemptionContext.forTimeWindow(Instant.ofEpochSecond(1_764_032_400L), Duration.ofHours(1)));
    }

    @Test
    void aTimeWindowMustBeInWholeSeconds() {
        assertThrows(IllegalArgumentException.class,
                () -> RedemptionContext.forTimeWindow(Instant.ofEpochSecond(10, 5), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> RedemptionContext.forTimeWindow(Instant.ofEpochSecond(10), Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 31, 33})
    void aRedemptionContextOfAnotherLengthIsRejected(int length) {
        assertThrows(MalformedEncodingException.class, () -> RedemptionContext.of(new byte[length]));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0001000161" + "00" + "0000", // token type 1
            "0002000161" + "00" + "000000", // trailing byte
            "0002000161" + "00" + "00", // truncated origin_info length
            "0002000061" + "00" + "0000", // empty issuer_name
            "0002000161" + "10" + "00000000000000000000000000000000" + "0000", // 16-byte context
            "0002000120" + "00" + "0000", // space in issuer_name
            "0002000161" + "00" + "0004612c2c62", // an empty origin name between commas
    })
    void malformedChallengesAreRejected(String hex) {
        assertThrows(MalformedEncodingException.class, () -> TokenChallenge.decode(Hex.decode(hex)));
    }

    @Test
    void anotherTokenTypeIsRejectedWithItsOwnException() {
        assertThrows(UnsupportedTokenTypeException.class, () -> TokenChallenge.decode(Hex.decode("0001000161000000")));
    }

    @Test
    void namesMustBePrintableAsciiAndOriginsFreeOfCommas() {
        assertThrows(IllegalArgumentException.class, () -> TokenChallenge.of("", RedemptionContext.none(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenChallenge.of("caf\u00e9", RedemptionContext.none(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenChallenge.of("a", RedemptionContext.none(), List.of("b,c")));
        assertTrue(TokenChallenge.of("a", RedemptionContext.none(), List.of()).originNames().isEmpty());
    }

    private static byte[] sha256(byte[] input) {
        org.bouncycastle.crypto.digests.SHA256Digest digest = new org.bouncycastle.crypto.digests.SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
