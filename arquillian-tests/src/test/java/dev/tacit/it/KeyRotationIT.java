package dev.tacit.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.UntrustedCertificateException;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenKeyId;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.crypto.token.UnknownTokenKeyException;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation through real period changes (docs/protocol.md §3.2, §4.3), with the server's default periods:
 * the clock moves to three days before the signing key's period ends, when its successor must already be
 * published, then past the end, when the successor signs and what the old key signed still verifies.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    private static final Duration BEFORE_THE_END = Duration.ofDays(3);

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void theTokenIssuerKeysSuccessorIsPublishedAheadAndSignsFromTheEndOfThePeriod() throws Exception {
        String firstNumber = numbers.next();
        String laterNumber = numbers.next();
        RegisteredAccount before = TestAccounts.register(firstNumber);
        TestDatabase.RotatingKey first = TestDatabase.signingKey("token-issuer", ServerClock.instant());

        ServerClock.advanceTo(first.signsUntil().minus(BEFORE_THE_END));
        Map<TokenKeyId, Long> aheadOfTheEnd = directory();
        IssuerPublicKey stillSigning = TestAccounts.client().currentIssuerKey(ServerClock.instant());
        ServerClock.advanceTo(first.signsUntil().plusSeconds(60));
        IssuerPublicKey successor = TestAccounts.client().currentIssuerKey(ServerClock.instant());
        RegisteredAccount after = TestAccounts.register(laterNumber);

        assertArrayEquals(first.keyId(), stillSigning.keyId().encode(), "the first key signs until its period ends");
        assertFalse(Arrays.equals(first.keyId(), successor.keyId().encode()), "then another key signs");
        assertEquals(first.signsUntil().getEpochSecond(), aheadOfTheEnd.get(successor.keyId()),
                "the successor was published before it signs, not before the end of the first key's period");
        TokenVerifier successorOnly = new TokenVerifier(IssuerKeyRing.of(successor));
        TokenVerifier published = new TokenVerifier(publishedRing());
        TokenChallenge challenge = TestAccounts.challenge();
        for (Token token : after.tokens()) {
            successorOnly.verify(token, challenge);
        }
        for (Token token : before.tokens()) {
            published.verify(token, challenge); // the first key still verifies
            assertThrows(UnknownTokenKeyException.class, () -> successorOnly.verify(token, challenge));
        }
    }

    @Test
    void theCertificateAuthoritysSuccessorIsPublishedAheadAndCertifiesFromTheEndOfThePeriod() throws Exception {
        String firstNumber = numbers.next();
        String laterNumber = numbers.next();
        RegisteredAccount before = TestAccounts.register(firstNumber);
        TestDatabase.RotatingKey first = TestDatabase.signingKey("certificate-authority", ServerClock.instant());
        CaCertificate firstCa = CaCertificate.fromBytes(first.publicPart());

        ServerClock.advanceTo(first.signsUntil().minus(BEFORE_THE_END));
        List<CaCertificate> aheadOfTheEnd = TestAccounts.client().caCertificates();
        PinnedCaVerifier stillCertifying = TestAccounts.pinnedCa();
        ServerClock.advanceTo(first.signsUntil().plusSeconds(60));
        PinnedCaVerifier successor = TestAccounts.pinnedCa();
        RegisteredAccount after = TestAccounts.register(laterNumber); // checked against the successor

        assertArrayEquals(firstCa.toBytes(), stillCertifying.ca().toBytes(), "the first CA certifies until its period ends");
        assertFalse(Arrays.equals(firstCa.toBytes(), successor.ca().toBytes()), "then another CA certifies");
        assertTrue(contains(aheadOfTheEnd, successor.ca()), "the successor was published before it certifies");
        assertTrue(contains(TestAccounts.client().caCertificates(), firstCa), "the first CA stays published");
        new PinnedCaVerifier(firstCa).verify(before.identity().certificate(), ServerClock.instant());
        successor.verify(after.identity().certificate(), ServerClock.instant());
        assertThrows(UntrustedCertificateException.class,
                () -> successor.verify(before.identity().certificate(), ServerClock.instant()));
    }

    /** The issuer directory: each key's id and not-before. */
    private static Map<TokenKeyId, Long> directory() throws Exception {
        Map<TokenKeyId, Long> keys = new HashMap<>();
        for (JsonObject key : directoryEntries()) {
            keys.put(IssuerPublicKey.decode(java.util.Base64.getUrlDecoder().decode(key.getString("token-key"))).keyId(),
                    key.getJsonNumber("not-before").longValueExact());
        }
        return keys;
    }

    private static IssuerKeyRing publishedRing() throws Exception {
        List<IssuerPublicKey> keys = new ArrayList<>();
        for (JsonObject key : directoryEntries()) {
            keys.add(IssuerPublicKey.decode(java.util.Base64.getUrlDecoder().decode(key.getString("token-key"))));
        }
        return IssuerKeyRing.of(keys);
    }

    private static List<JsonObject> directoryEntries() {
        return TacitHttp.json(TacitHttp.get(TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory")))
                .getJsonArray("token-keys").stream().map(JsonValue::asJsonObject).toList();
    }

    private static boolean contains(List<CaCertificate> certificates, CaCertificate wanted) {
        return certificates.stream().anyMatch(certificate -> Arrays.equals(certificate.toBytes(), wanted.toBytes()));
    }
}
