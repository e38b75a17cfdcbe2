package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;
import dev.tacit.http.signature.RequestVerifier;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account-scoped requests need the account's RFC 9421 signature (docs/protocol.md §5). */
@ExtendWith(ArquillianExtension.class)
class AccountAuthenticationIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    private static final SecureRandom RANDOM = new SecureRandom();

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void aSignedRequestActsAsTheAccountThatSignedIt() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);

        JsonObject own = client(account).describe();

        assertEquals(number, own.getString("number"));
        assertEquals(5, own.getInt("tokensIssued"));
    }

    @Test
    void aSignatureIsFreshForFiveMinutesByTheServersClock() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        AccountClient onTheSystemClock = new AccountClient(TestAccounts.api(), account.identity().phoneNumber(),
                account.keys().identity(), Clock.systemUTC(), RANDOM);

        ServerClock.advance(RequestVerifier.DEFAULT_FRESHNESS_WINDOW.plusSeconds(30));
        ProblemResponseException stale = assertThrows(ProblemResponseException.class, onTheSystemClock::describe);
        JsonObject fresh = client(account).describe(); // signed by the server's time

        assertEquals(401, stale.status());
        assertEquals("urn:tacit:problem:unauthenticated", stale.type());
        assertEquals(number, fresh.getString("number"));
    }

    @Test
    void anUnsignedRequestIsRefusedWithAProblem() {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("account"));

        assertUnauthenticated(response);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        AccountClient impostor = new AccountClient(TestAccounts.api(), account.identity().phoneNumber(),
                IdentityKeyPair.generate(RANDOM), ServerClock.clock(), RANDOM);

        ProblemResponseException problem = assertThrows(ProblemResponseException.class, impostor::describe);

        assertEquals(401, problem.status());
        assertEquals("urn:tacit:problem:unauthenticated", problem.type());
    }

    @Test
    void anUnregisteredNumberAndAForgedSignatureGetTheSameAnswer() throws Exception {
        String number = numbers.next();
        String unregistered = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        URI target = TacitHttp.API.resolve("account");
        IdentityKeyPair stranger = IdentityKeyPair.generate(RANDOM);

        HttpResponse<String> forged = send(target, signature(account.identity().phoneNumber(), stranger,
                ServerClock.clock(), target));
        HttpResponse<String> unregisteredAnswer = send(target, signature(PhoneNumber.of(unregistered), stranger,
                ServerClock.clock(), target));

        assertUnauthenticated(forged);
        assertUnauthenticated(unregisteredAnswer);
        assertEquals(forged.body(), unregisteredAnswer.body(), "the answer does not tell whether the number is registered");
    }

    @Test
    void everyKindOfFailureGetsTheSameAnswer() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        PhoneNumber number = account.identity().phoneNumber();
        IdentityKeyPair key = account.keys().identity();
        URI target = TacitHttp.API.resolve("account");
        Map<String, String> used = signature(number, key, ServerClock.clock(), target);
        assertEquals(200, send(target, used).statusCode(), "the signature is good once");

        List<HttpResponse<String>> refused = List.of(
                send(target, Map.of()),
                send(target, Map.of("Signature-Input", "sig=garbage", "Signature", "sig=:AAAA:")),
                send(target, Map.of("Signature", used.get("Signature"))),
                send(target, signature(number, IdentityKeyPair.generate(RANDOM), ServerClock.clock(), target)),
                send(target, signature(PhoneNumber.of(numbers.next()), key, ServerClock.clock(), target)),
                send(target, signature(number, key, Clock.offset(ServerClock.clock(), Duration.ofMinutes(-6)), target)),
                send(target, signature(number, key, Clock.offset(ServerClock.clock(), Duration.ofMinutes(6)), target)),
                send(target, used));

        for (HttpResponse<String> response : refused) {
            assertUnauthenticated(response);
            assertEquals(refused.get(0).body(), response.body(), "no answer tells which check failed");
        }
    }

    @Test
    void theSignatureCoversTheQuery() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        URI plain = TacitHttp.API.resolve("account");
        URI withQuery = TacitHttp.API.resolve("account?view=all");

        HttpResponse<String> signedWithQuery = send(withQuery,
                signature(account.identity().phoneNumber(), account.keys().identity(), ServerClock.clock(), withQuery));
        HttpResponse<String> queryAdded = send(withQuery,
                signature(account.identity().phoneNumber(), account.keys().identity(), ServerClock.clock(), plain));

        assertEquals(200, signedWithQuery.statusCode(), signedWithQuery.body());
        assertUnauthenticated(queryAdded);
    }

    @Test
    void requestsOutsideTheAccountIgnoreSignatureHeaders() {
        Map<String, String> junk = Map.of("Signature-Input", "sig=garbage", "Signature", "sig=:AAAA:");

        HttpResponse<String> server = send(TacitHttp.API.resolve("server"), junk);
        HttpResponse<String> directory = send(TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory"), junk);

        assertEquals(200, server.statusCode(), server.body());
        assertEquals(200, directory.statusCode(), directory.body());
    }

    @Test
    void aReplayedOrAlteredRequestIsRefusedAndChangesNothing() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        byte[] before = preKey(number);
        byte[] body = Json.createObjectBuilder().add("preKey", Base64Url.encode(SignedPreKey.sign(
                account.keys().identity(), KeyPurpose.RATCHET_PRE_KEY, 2, AgreementKeyPair.generate(RANDOM).publicKey())
                .toBytes())).build().toString().getBytes();
        URI target = TacitHttp.API.resolve("account/pre-key");
        Map<String, String> signature = new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(),
                account.keys().identity()), ServerClock.clock(), RANDOM)
                .sign(HttpRequestParts.of("PUT", target, HttpFields.builder().add("Content-Type", "application/json").build(),
                        body)).asMap();

        byte[] altered = body.clone();
        altered[altered.length - 3] ^= 1;
        assertUnauthenticated(put(target, altered, signature));
        assertArrayEquals(before, preKey(number), "an altered body changed nothing");

        assertEquals(204, put(target, body, signature).statusCode());
        byte[] after = preKey(number);
        assertUnauthenticated(put(target, body, signature));
        assertArrayEquals(after, preKey(number), "a replay changed nothing");
    }

    @Test
    void theAccountReplacesItsPreKeyAndGroupKey() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        SignedPreKey preKey = SignedPreKey.sign(account.keys().identity(), KeyPurpose.RATCHET_PRE_KEY, 2,
                AgreementKeyPair.generate(RANDOM).publicKey());
        GroupManagerKey group = GroupManagerKey.generate(10);

        client(account).replacePreKey(preKey);
        client(account).replaceGroupPublicKey(group.groupPublicKey());

        assertArrayEquals(preKey.toBytes(), preKey(number));
        assertArrayEquals(group.groupPublicKey().toBytes(), column("group_public_key", number));
    }

    @Test
    void invalidReplacementKeysAreRefusedAndChangeNothing() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        byte[] preKeyBefore = preKey(number);
        byte[] groupKeyBefore = column("group_public_key", number);
        SignedPreKey foreign = SignedPreKey.sign(IdentityKeyPair.generate(RANDOM), KeyPurpose.RATCHET_PRE_KEY, 2,
                AgreementKeyPair.generate(RANDOM).publicKey());
        byte[] badGroupKey = GroupManagerKey.generate(3).groupPublicKey().toBytes();
        badGroupKey[7] ^= 1;

        ProblemResponseException preKeyProblem = assertThrows(ProblemResponseException.class,
                () -> client(account).replacePreKey(foreign));
        ProblemResponseException groupProblem = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().signed("PUT", "/v1/account/group-public-key",
                        Json.createObjectBuilder().add("groupPublicKey", Base64Url.encode(badGroupKey)).build(),
                        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(),
                                account.keys().identity()), ServerClock.clock(), RANDOM)));

        assertEquals(400, preKeyProblem.status());
        assertEquals("urn:tacit:problem:invalid-account-request", preKeyProblem.type());
        assertEquals(java.util.Optional.of("preKey"), preKeyProblem.field());
        assertEquals(400, groupProblem.status());
        assertEquals("urn:tacit:problem:invalid-account-request", groupProblem.type());
        assertEquals(java.util.Optional.of("groupPublicKey"), groupProblem.field());
        assertArrayEquals(preKeyBefore, preKey(number));
        assertArrayEquals(groupKeyBefore, column("group_public_key", number));
    }

    @Test
    void refusedRequestsLeaveNoLineInTheLogAtDefaultLevels() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        PhoneNumber number = account.identity().phoneNumber();
        URI target = TacitHttp.API.resolve("account");
        Map<String, String> usedOnce = signature(number, account.keys().identity(), ServerClock.clock(), target);
        assertEquals(200, send(target, usedOnce).statusCode());
        long mark = ServerLog.end();

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            assertUnauthenticated(TacitHttp.get(target));
            assertUnauthenticated(send(target, signature(number, IdentityKeyPair.generate(RANDOM), ServerClock.clock(),
                    target)));
            assertUnauthenticated(send(target, signature(PhoneNumber.of(numbers.next()), IdentityKeyPair.generate(RANDOM),
                    ServerClock.clock(), target)));
            assertUnauthenticated(send(target, usedOnce));
            refused += 4;
        }

        assertEquals(List.of(), ServerLog.linesAfter(mark), refused + " refused requests wrote to the log");
    }

    @Test
    void anAccountOverItsRateLimitGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        String busyNumber = numbers.next();
        String otherNumber = numbers.next();
        RegisteredAccount busy = TestAccounts.register(busyNumber);
        RegisteredAccount other = TestAccounts.register(otherNumber);
        // The limit counts in fixed windows: start one, so that every request below falls in it.
        ServerClock.advanceToNextWindow(ServerSettingsObserver.SIGNED_REQUESTS_PERIOD);

        for (int i = 0; i < ServerSettingsObserver.SIGNED_REQUESTS_PER_ACCOUNT; i++) {
            client(busy).describe();
        }
        ProblemResponseException limited = assertThrows(ProblemResponseException.class, () -> client(busy).describe());

        assertEquals(429, limited.status());
        assertEquals("urn:tacit:problem:rate-limited", limited.type());
        long retryAfter = limited.retryAfterSeconds().orElseThrow(() -> new AssertionError("no Retry-After"));
        long window = ServerSettingsObserver.SIGNED_REQUESTS_PERIOD.getSeconds();
        assertTrue(retryAfter >= window - 60 && retryAfter <= window, "Retry-After " + retryAfter);
        assertEquals(otherNumber, client(other).describe().getString("number"), "another account goes on");

        ServerClock.advanceToNextWindow(ServerSettingsObserver.SIGNED_REQUESTS_PERIOD);
        assertEquals(busyNumber, client(busy).describe().getString("number"), "the next window allows it again");
    }

    private static AccountClient client(RegisteredAccount account) {
        return new AccountClient(TestAccounts.api(), account.identity().phoneNumber(), account.keys().identity(),
                ServerClock.clock(), RANDOM);
    }

    /** The signature headers of a bodiless GET of {@code target}, made at {@code clock}'s time. */
    private static Map<String, String> signature(PhoneNumber number, IdentityKeyPair key, Clock clock, URI target) {
        return new RequestSigner(AccountRequestKeys.signingKey(number, key), clock, RANDOM)
                .sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0])).asMap();
    }

    private static HttpResponse<String> send(URI target, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        headers.forEach(request::header);
        return TacitHttp.send(request);
    }

    private static HttpResponse<String> put(URI target, byte[] body, Map<String, String> signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.forEach(request::header);
        return TacitHttp.send(request);
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("urn:tacit:problem:unauthenticated", TacitHttp.json(response).getString("type"));
    }

    private static byte[] preKey(String number) throws Exception {
        return column("pre_key", number);
    }

    private static byte[] column(String column, String number) throws Exception {
        return TestDatabase.accountBytes(number, column)
                .orElseThrow(() -> new AssertionError("no account for " + number));
    }
}
