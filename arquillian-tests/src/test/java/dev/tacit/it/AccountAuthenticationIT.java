package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.JsonApi;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account-scoped requests need the account's RFC 9421 signature (docs/protocol.md §5). */
@ExtendWith(ArquillianExtension.class)
class AccountAuthenticationIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void aSignedRequestActsAsTheAccountThatSignedIt() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550160");

        JsonObject own = client(account).describe();

        assertEquals("+13055550160", own.getString("number"));
        assertEquals(5, own.getInt("tokensIssued"));
    }

    @Test
    void anUnsignedRequestIsRefusedWithAProblem() {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("account"));

        assertUnauthenticated(response);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550161");
        AccountClient impostor = new AccountClient(TestAccounts.api(), account.identity().phoneNumber(),
                IdentityKeyPair.generate(RANDOM), Clock.systemUTC(), RANDOM);

        ProblemResponseException problem = assertThrows(ProblemResponseException.class, impostor::describe);

        assertEquals(401, problem.status());
        assertEquals("urn:tacit:problem:unauthenticated", problem.type());
    }

    @Test
    void anUnregisteredNumberAndAForgedSignatureGetTheSameAnswer() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550165");
        URI target = TacitHttp.API.resolve("account");
        IdentityKeyPair stranger = IdentityKeyPair.generate(RANDOM);

        HttpResponse<String> forged = get(target, account.identity().phoneNumber(), stranger);
        HttpResponse<String> unregistered = get(target, dev.tacit.crypto.identity.PhoneNumber.of("+13055550199"), stranger);

        assertUnauthenticated(forged);
        assertUnauthenticated(unregistered);
        assertEquals(forged.body(), unregistered.body(), "the answer does not tell whether the number is registered");
    }

    @Test
    void aReplayedOrAlteredRequestIsRefusedAndChangesNothing() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550162");
        byte[] before = preKey("+13055550162");
        byte[] body = Json.createObjectBuilder().add("preKey", JsonApi.base64Url(SignedPreKey.sign(
                account.keys().identity(), KeyPurpose.RATCHET_PRE_KEY, 2, AgreementKeyPair.generate(RANDOM).publicKey())
                .toBytes())).build().toString().getBytes();
        URI target = TacitHttp.API.resolve("account/pre-key");
        Map<String, String> signature = new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(),
                account.keys().identity()), Clock.systemUTC(), RANDOM)
                .sign(HttpRequestParts.of("PUT", target, HttpFields.builder().add("Content-Type", "application/json").build(),
                        body)).asMap();

        byte[] altered = body.clone();
        altered[altered.length - 3] ^= 1;
        assertUnauthenticated(put(target, altered, signature));
        assertArrayEquals(before, preKey("+13055550162"), "an altered body changed nothing");

        assertEquals(204, put(target, body, signature).statusCode());
        byte[] after = preKey("+13055550162");
        assertUnauthenticated(put(target, body, signature));
        assertArrayEquals(after, preKey("+13055550162"), "a replay changed nothing");
    }

    @Test
    void theAccountReplacesItsPreKeyAndGroupKey() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550163");
        SignedPreKey preKey = SignedPreKey.sign(account.keys().identity(), KeyPurpose.RATCHET_PRE_KEY, 2,
                AgreementKeyPair.generate(RANDOM).publicKey());
        GroupManagerKey group = GroupManagerKey.generate(10);

        client(account).replacePreKey(preKey);
        client(account).replaceGroupPublicKey(group.groupPublicKey());

        assertArrayEquals(preKey.toBytes(), preKey("+13055550163"));
        assertArrayEquals(group.groupPublicKey().toBytes(), column("group_public_key", "+13055550163"));
    }

    @Test
    void invalidReplacementKeysAreRefusedAndChangeNothing() throws Exception {
        RegisteredAccount account = TestAccounts.register("+13055550164");
        byte[] preKeyBefore = preKey("+13055550164");
        byte[] groupKeyBefore = column("group_public_key", "+13055550164");
        SignedPreKey foreign = SignedPreKey.sign(IdentityKeyPair.generate(RANDOM), KeyPurpose.RATCHET_PRE_KEY, 2,
                AgreementKeyPair.generate(RANDOM).publicKey());
        byte[] badGroupKey = GroupManagerKey.generate(3).groupPublicKey().toBytes();
        badGroupKey[7] ^= 1;

        ProblemResponseException preKeyProblem = assertThrows(ProblemResponseException.class,
                () -> client(account).replacePreKey(foreign));
        ProblemResponseException groupProblem = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().signed("PUT", "/v1/account/group-public-key",
                        Json.createObjectBuilder().add("groupPublicKey", JsonApi.base64Url(badGroupKey)).build(),
                        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(),
                                account.keys().identity()), Clock.systemUTC(), RANDOM)));

        assertEquals(400, preKeyProblem.status());
        assertEquals(java.util.Optional.of("preKey"), preKeyProblem.field());
        assertEquals(400, groupProblem.status());
        assertEquals(java.util.Optional.of("groupPublicKey"), groupProblem.field());
        assertArrayEquals(preKeyBefore, preKey("+13055550164"));
        assertArrayEquals(groupKeyBefore, column("group_public_key", "+13055550164"));
    }

    @Test
    void refusedRequestsLeaveNoLineInTheLogAtDefaultLevels() throws Exception {
        RegisteredAccount account = TestAccounts.register("+17185550166");
        URI target = TacitHttp.API.resolve("account");
        HttpRequest.Builder signedOnce = HttpRequest.newBuilder(target).GET();
        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(), account.keys().identity()),
                Clock.systemUTC(), RANDOM).sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0]))
                .asMap().forEach(signedOnce::header);
        assertEquals(200, TacitHttp.send(signedOnce).statusCode());
        long mark = ServerLog.end();

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            assertUnauthenticated(TacitHttp.get(target));
            assertUnauthenticated(get(target, account.identity().phoneNumber(), IdentityKeyPair.generate(RANDOM)));
            assertUnauthenticated(get(target, dev.tacit.crypto.identity.PhoneNumber.of("+17185550198"),
                    IdentityKeyPair.generate(RANDOM)));
            assertUnauthenticated(TacitHttp.send(signedOnce));
            refused += 4;
        }

        List<String> lines = ServerLog.linesAfter(mark);
        assertEquals(List.of(), lines, refused + " refused requests wrote to the log");
    }

    @Test
    void anAccountOverItsRateLimitGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        RegisteredAccount busy = TestAccounts.register("+17185550167");
        RegisteredAccount other = TestAccounts.register("+17185550168");
        Instant start = Instant.now();

        for (int i = 0; i < ServerSettingsObserver.SIGNED_REQUESTS_PER_ACCOUNT; i++) {
            client(busy).describe();
        }
        Executable oneMore = () -> client(busy).describe();

        // The limit counts in fixed hour-long windows; a test that straddles two (once in thousands of runs)
        // proves nothing. TODO: move the server's clock instead, once the tests can.
        assertEquals(start.getEpochSecond() / 3600, Instant.now().getEpochSecond() / 3600,
                "the requests crossed into the next window of the limit; run the test again");
        ProblemResponseException limited = assertThrows(ProblemResponseException.class, oneMore);
        assertEquals(429, limited.status());
        assertEquals("urn:tacit:problem:rate-limited", limited.type());
        long retryAfter = limited.retryAfterSeconds().orElseThrow(() -> new AssertionError("no Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals("+17185550168", client(other).describe().getString("number"), "another account goes on");
    }

    private static AccountClient client(RegisteredAccount account) {
        return new AccountClient(TestAccounts.api(), account.identity().phoneNumber(), account.keys().identity(),
                Clock.systemUTC(), RANDOM);
    }

    private static HttpResponse<String> get(URI target, dev.tacit.crypto.identity.PhoneNumber number,
                                            IdentityKeyPair key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        new RequestSigner(AccountRequestKeys.signingKey(number, key), Clock.systemUTC(), RANDOM)
                .sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0])).asMap()
                .forEach(request::header);
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
