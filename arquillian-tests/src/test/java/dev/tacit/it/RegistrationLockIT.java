package dev.tacit.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration lock (docs/protocol.md §4.7): a verification token alone does not re-register an active
 * account, whoever got it (a lucky guess, a swapped SIM); the owner re-registers with a request its current
 * identity key signs; after the lock period without activity, a verification token is enough again. The server's
 * clock is moved, not waited for.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationLockIT {

    /** The server's default lock period. */
    private static final Duration LOCK_PERIOD = Duration.ofDays(7);
    private static final Duration SLACK = Duration.ofMinutes(2);

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void aVerificationCodeDoesNotTakeOverAnActiveAccount() throws Exception {
        String number = numbers.next();
        RegisteredAccount owner = TestAccounts.register(number);
        Instant registered = ServerClock.instant();

        VerificationToken takeover = TestAccounts.verify(number);
        AccountSetup impostor = TestAccounts.setup(number);
        RegistrationLockedException locked = assertThrows(RegistrationLockedException.class, () -> TestAccounts.client()
                .register(takeover, impostor, TestAccounts.pinnedCa(), ServerClock.instant()));

        assertEquals(423, locked.status());
        assertCloseTo(registered.plus(LOCK_PERIOD), locked.lockedUntil());
        assertArrayEquals(owner.keys().identity().publicKey().toBytes(), identityKey(number));
        assertEquals(number, ownerClient(owner.keys().identity(), number).describe().getString("number"));
    }

    @Test
    void theOwnerReRegistersWithARequestItsCurrentKeySigns() throws Exception {
        String number = numbers.next();
        RegisteredAccount owner = TestAccounts.register(number);
        AccountSetup newDevice = TestAccounts.setup(number);

        RegisteredAccount again = TestAccounts.client().reRegister(owner.keys().identity(), newDevice,
                TestAccounts.pinnedCa(), ServerClock.clock(), TestAccounts.RANDOM);

        assertEquals(newDevice.identity().publicKey(), again.identity().identityKey());
        assertEquals(0, again.tokens().size(), "the number had its five tokens");
        assertArrayEquals(newDevice.identity().publicKey().toBytes(), identityKey(number));
        assertEquals(number, ownerClient(newDevice.identity(), number).describe().getString("number"));
        ProblemResponseException oldKey = assertThrows(ProblemResponseException.class,
                () -> ownerClient(owner.keys().identity(), number).describe());
        assertEquals(401, oldKey.status());
    }

    @Test
    void aReRegistrationSignedByAnotherKeyIsUnauthenticated() throws Exception {
        String number = numbers.next();
        RegisteredAccount owner = TestAccounts.register(number);
        AccountSetup impostor = TestAccounts.setup(number);

        ProblemResponseException refused = assertThrows(ProblemResponseException.class, () -> TestAccounts.client()
                .reRegister(impostor.identity(), impostor, TestAccounts.pinnedCa(), ServerClock.clock(),
                        TestAccounts.RANDOM));

        assertEquals(401, refused.status());
        assertEquals("urn:tacit:problem:unauthenticated", refused.type());
        assertArrayEquals(owner.keys().identity().publicKey().toBytes(), identityKey(number));
    }

    @Test
    void aSignedReRegistrationCarriesNoVerificationToken() throws Exception {
        String number = numbers.next();
        RegisteredAccount owner = TestAccounts.register(number);
        AccountSetup newDevice = TestAccounts.setup(number);
        RequestSigner signer = new RequestSigner(AccountRequestKeys.signingKey(newDevice.number(),
                owner.keys().identity()), ServerClock.clock(), TestAccounts.RANDOM);
        JsonObject body = RegistrationClient.registrationBody(newDevice).add("verificationToken", "AW1l.x2Vt").build();

        ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().signed("POST", "/v1/accounts", body, signer));

        assertEquals(400, refused.status());
        assertEquals("urn:tacit:problem:invalid-account-request", refused.type());
        assertEquals(java.util.Optional.of("verificationToken"), refused.field());
        assertArrayEquals(owner.keys().identity().publicKey().toBytes(), identityKey(number));
    }

    @Test
    void anUnsignedRegistrationNeedsAVerificationToken() throws Exception {
        String number = numbers.next();
        JsonObject body = RegistrationClient.registrationBody(TestAccounts.setup(number)).build();

        ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().post("/v1/accounts", body));

        assertEquals(400, refused.status());
        assertEquals("urn:tacit:problem:invalid-account-request", refused.type());
        assertEquals(java.util.Optional.of("verificationToken"), refused.field());
    }

    @Test
    void afterTheLockPeriodWithoutActivityAVerificationCodeReRegisters() throws Exception {
        String number = numbers.next();
        TestAccounts.register(number);

        ServerClock.advance(LOCK_PERIOD.minus(SLACK));
        VerificationToken early = TestAccounts.verify(number);
        assertThrows(RegistrationLockedException.class, () -> TestAccounts.client()
                .register(early, TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.instant()));
        ServerClock.advance(SLACK.multipliedBy(2));
        AccountSetup newDevice = TestAccounts.setup(number);
        RegisteredAccount again = TestAccounts.client().register(TestAccounts.verify(number), newDevice,
                TestAccounts.pinnedCa(), ServerClock.instant());

        assertEquals(0, again.tokens().size());
        assertArrayEquals(newDevice.identity().publicKey().toBytes(), identityKey(number));
    }

    /**
     * Activity is any authenticated request, recorded at most once a day: a request six days after
     * registration keeps the account locked for the lock period from then.
     */
    @Test
    void signedRequestsKeepTheAccountLocked() throws Exception {
        String number = numbers.next();
        RegisteredAccount owner = TestAccounts.register(number);
        AccountClient ownersDevice = ownerClient(owner.keys().identity(), number);
        Instant registered = lastActive(number);

        ServerClock.advance(Duration.ofDays(6));
        ownersDevice.describe();
        Instant active = lastActive(number);
        ServerClock.advance(Duration.ofHours(1));
        ownersDevice.describe();
        Instant activeAgain = lastActive(number);
        ServerClock.advance(Duration.ofDays(2));
        VerificationToken takeover = TestAccounts.verify(number);
        RegistrationLockedException locked = assertThrows(RegistrationLockedException.class, () -> TestAccounts.client()
                .register(takeover, TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.instant()));

        assertCloseTo(registered.plus(Duration.ofDays(6)), active);
        assertEquals(active, activeAgain, "recorded at most once a day");
        assertEquals(active.plus(LOCK_PERIOD), locked.lockedUntil());
        assertTrue(locked.lockedUntil().isAfter(ServerClock.instant()));
    }

    private static AccountClient ownerClient(IdentityKeyPair identity, String number) throws Exception {
        return new AccountClient(TestAccounts.api(), dev.tacit.crypto.identity.PhoneNumber.of(number), identity,
                ServerClock.clock(), TestAccounts.RANDOM);
    }

    private static byte[] identityKey(String number) throws Exception {
        return TestDatabase.accountBytes(number, "identity_key")
                .orElseThrow(() -> new AssertionError("no account for " + number));
    }

    private static Instant lastActive(String number) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT last_active_at FROM tacit.account WHERE number = ?")) {
            query.setString(1, number);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no account for " + number);
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static void assertCloseTo(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(SLACK) < 0,
                "expected about " + expected + ", was " + actual);
    }
}
