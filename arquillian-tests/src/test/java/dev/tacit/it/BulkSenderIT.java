package dev.tacit.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.BulkSenderPki;
import dev.tacit.arquillian.ClientStates;
import dev.tacit.arquillian.Operators;
import dev.tacit.arquillian.Operators.Operator;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.TacitClient;
import dev.tacit.client.bulk.BulkSenderClient;
import dev.tacit.client.bulk.BulkSenderGrant;
import dev.tacit.client.bulk.BulkSenderRefusedException;
import dev.tacit.client.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.messages.TokenWallet;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenPurpose;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk senders (docs/protocol.md §4.26–§4.28, §6.3) against a CA the test builds itself ({@link BulkSenderPki}):
 * a chain with the EV policy to the configured anchor, its leaf key's signature over the server's challenge, is
 * granted, and yields exactly the allowance per period, concurrently too, counted apart from registration's five;
 * each wrong chain, signature or challenge is refused with a problem naming why and stores nothing; the operator's
 * revocation stops issuance and bars the certificate; and the tokens pay for a real first contact.
 */
@ExtendWith(ArquillianExtension.class)
class BulkSenderIT {

    private static final int ALLOWANCE = ServerSettingsObserver.BULK_SENDER_TOKENS_PER_PERIOD;
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static BulkSenderPki pki;
    private static BulkSenderPki otherPki;

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @TempDir
    Path states;

    @BeforeAll
    static void buildTheCertificateAuthorities() throws Exception {
        pki = BulkSenderPki.start("Tacit test EV");
        otherPki = BulkSenderPki.start("Untrusted test EV");
    }

    @AfterAll
    static void stopTheirCrlServers() {
        pki.close();
        otherPki.close();
    }

    @BeforeEach
    void trustTheTestRoot() {
        BulkSenderPki.trustAnchors(pki);
    }

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void aValidChainWithThePolicyIsGrantedAndYieldsExactlyTheAllowanceEachPeriod() throws Exception {
        PhoneNumber alice = clients().register("alice", numbers.next());
        BulkSenderPki.Issued leaf = pki.evLeaf("EC");

        BulkSenderGrant grant = as("alice", client -> client.proveBulkSender(pki.chain(leaf), leaf.key()));
        assertEquals(leaf.certificate().getSubjectX500Principal().getName(), grant.subject());
        assertEquals(leaf.certificate().getNotAfter().toInstant(), grant.notAfter(), "the chain's earliest expiry");
        assertEquals(List.of(leaf.certificate().getSubjectX500Principal().getName()), grantSubjects(alice),
                "one grant stored, for the account");

        assertEquals(ALLOWANCE, (int) as("alice", client -> client.fetchBulkSenderTokens(ALLOWANCE + 10)),
                "exactly the allowance, not one more");
        assertEquals(5 + ALLOWANCE, unspent("alice").size(), "kept in the state with registration's five");
        RateLimitedException spent = assertThrows(RateLimitedException.class,
                () -> as("alice", client -> client.fetchBulkSenderTokens(1)));
        assertTrue(spent.retryAfter().orElseThrow().compareTo(PERIOD) <= 0, spent.getMessage());
        assertEquals(5, TestDatabase.tokensIssued(alice.e164()).orElseThrow(), "registration's allowance is untouched");

        ServerClock.advanceToNextWindow(PERIOD);
        assertEquals(ALLOWANCE, (int) as("alice", client -> client.fetchBulkSenderTokens(ALLOWANCE + 1)),
                "a new period, a new allowance");
        assertEquals(5 + 2 * ALLOWANCE, unspent("alice").size());
    }

    @Test
    void concurrentRequestsObtainTheAllowanceAndNotOneTokenMore() throws Exception {
        Party alice = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        BulkSenderPki.Issued leaf = pki.evLeaf("RSA");
        bulk.prove(pki.chain(leaf), leaf.key(), RANDOM);
        TokenClient tokens = new TokenClient(TestAccounts.client().currentIssuerKey(ServerClock.instant()), RANDOM);

        int requests = 20;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> obtained = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                List<PendingToken> pending = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    pending.add(tokens.blind(TestAccounts.challenge()));
                }
                obtained.add(threads.submit(() -> {
                    start.await();
                    try {
                        return bulk.obtain(pending).tokens().size();
                    } catch (RateLimitedException e) {
                        return 0;
                    }
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> answer : obtained) {
                total += answer.get();
            }
            assertEquals(ALLOWANCE, total, "100 tokens asked for at once, the allowance signed");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void everyKindOfLeafKeyProvesAndANewProofReplacesTheGrant() throws Exception {
        Party alice = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        for (String kind : List.of("RSA", "EC", "Ed25519")) {
            BulkSenderPki.Issued leaf = pki.evLeaf(kind);
            BulkSenderGrant grant = bulk.prove(pki.chain(leaf), leaf.key(), RANDOM);
            assertEquals(List.of(grant.subject()), grantSubjects(alice.number), kind + ": one grant in force");
        }
        BulkSenderPki.Issued withRoot = pki.evLeaf("EC");
        bulk.prove(List.of(withRoot.certificate(), pki.intermediate(), pki.root()), withRoot.key(), RANDOM);
        assertEquals(List.of(withRoot.certificate().getSubjectX500Principal().getName()), grantSubjects(alice.number),
                "a chain may end with the root");
    }

    @Test
    void eachWrongChainSignatureOrChallengeIsRefusedNamingWhyAndStoresNothing() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        Instant now = ServerClock.instant();

        BulkSenderPki.Issued foreign = otherPki.evLeaf("EC");
        assertRefused(Reason.UNTRUSTED_CERTIFICATE, 403, () -> bulk.prove(otherPki.chain(foreign), foreign.key(), RANDOM));
        BulkSenderPki.Issued mixed = pki.evLeaf("EC");
        assertRefused(Reason.UNTRUSTED_CERTIFICATE, 403, () -> bulk.prove(List.of(mixed.certificate(),
                otherPki.intermediate()), mixed.key(), RANDOM));
        assertEquals(0, otherPki.crlRequests(), "the server fetched no CRL a chain to no anchor names");

        BulkSenderPki.Issued otherPolicy = pki.leaf("EC", "2.23.140.1.2.2", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365))); // OV, not EV
        assertRefused(Reason.POLICY_MISSING, 403, () -> bulk.prove(pki.chain(otherPolicy), otherPolicy.key(), RANDOM));
        BulkSenderPki.Issued noPolicy = pki.leaf("EC", null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        assertRefused(Reason.POLICY_MISSING, 403, () -> bulk.prove(pki.chain(noPolicy), noPolicy.key(), RANDOM));

        BulkSenderPki.Issued expired = pki.leaf("EC", BulkSenderPki.EV_POLICY, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofHours(1)));
        assertRefused(Reason.CERTIFICATE_EXPIRED, 403, () -> bulk.prove(pki.chain(expired), expired.key(), RANDOM));
        BulkSenderPki.Issued future = pki.leaf("EC", BulkSenderPki.EV_POLICY, now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(400)));
        assertRefused(Reason.CERTIFICATE_EXPIRED, 403, () -> bulk.prove(pki.chain(future), future.key(), RANDOM));

        BulkSenderPki.Issued revoked = pki.evLeaf("EC");
        pki.revoke(revoked);
        assertRefused(Reason.CERTIFICATE_REVOKED, 403, () -> bulk.prove(pki.chain(revoked), revoked.key(), RANDOM));
        BulkSenderPki.Issued unreachableCrl = pki.leaf("EC", BulkSenderPki.EV_POLICY, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), pki.crlUrl("missing.crl"));
        assertRefused(Reason.REVOCATION_UNKNOWN, 502, () -> bulk.prove(pki.chain(unreachableCrl), unreachableCrl.key(),
                RANDOM));

        BulkSenderPki.Issued tooLarge = leafWithCrl(now, "padded/" + (10 * 1024 * 1024 + 1) + "/intermediate.crl");
        assertRefused(Reason.REVOCATION_UNKNOWN, 502, () -> bulk.prove(pki.chain(tooLarge), tooLarge.key(), RANDOM),
                "a CRL over 10 MiB is not read");
        BulkSenderPki.Issued tooSlow = leafWithCrl(now, "slow/intermediate.crl");
        assertRefused(Reason.REVOCATION_UNKNOWN, 502, () -> bulk.prove(pki.chain(tooSlow), tooSlow.key(), RANDOM),
                "a CRL that takes over 10 s is not waited for");

        BulkSenderPki.Issued valid = pki.evLeaf("EC");
        KeyPair otherKey = BulkSenderPki.keyPair("EC");
        assertRefused(Reason.INVALID_SIGNATURE, 400, () -> bulk.prove(pki.chain(valid), otherKey.getPrivate(), RANDOM));
        byte[] challenge = bulk.challenge();
        byte[] forOtherAccount = bulkClient(bob).sign(valid.key(), challenge, RANDOM);
        assertRefused(Reason.INVALID_SIGNATURE, 400, () -> bulk.prove(pki.chain(valid), challenge, forOtherAccount));
        assertRefused(Reason.INVALID_CHAIN, 400, () -> bulk.prove(List.of(valid.certificate(), pki.intermediate(),
                pki.intermediate()), valid.key(), RANDOM), "an issuer out of order");
        ProblemResponseException tooLong = assertThrows(ProblemResponseException.class, () -> bulk.prove(List.of(
                valid.certificate(), pki.intermediate(), pki.intermediate(), pki.intermediate(), pki.intermediate(),
                pki.root()), valid.key(), RANDOM), "six certificates, over the body's bound (step 1)");
        assertEquals("urn:tacit:problem:invalid-request", tooLong.type());
        assertRefused(Reason.INVALID_SIGNATURE, 400, () -> bulk.prove(List.of(pki.intermediate(), valid.certificate()),
                valid.key(), RANDOM), "the leaf is the first certificate");

        byte[] bobsChallenge = bulkClient(bob).challenge();
        assertRefused(Reason.INVALID_CHALLENGE, 400, () -> bulk.prove(pki.chain(valid), bobsChallenge,
                bulk.sign(valid.key(), bobsChallenge, RANDOM)));
        byte[] forged = bulk.challenge();
        forged[forged.length - 1] ^= 1;
        assertRefused(Reason.INVALID_CHALLENGE, 400, () -> bulk.prove(pki.chain(valid), forged,
                bulk.sign(valid.key(), forged, RANDOM)));
        byte[] stale = bulk.challenge();
        ServerClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRefused(Reason.CHALLENGE_EXPIRED, 400, () -> bulk.prove(pki.chain(valid), stale,
                bulk.sign(valid.key(), stale, RANDOM)));

        assertEquals(List.of(), grantSubjects(alice.number), "no refusal stored a grant");
        assertRefused(Reason.NO_GRANT, 403, () -> bulk.obtain(pending(1)));

        BulkSenderPki.Issued paddedWithinTheBound = leafWithCrl(now, "padded/" + (10 * 1024 * 1024)
                + "/intermediate.crl");
        bulk.prove(pki.chain(paddedWithinTheBound), paddedWithinTheBound.key(), RANDOM); // the bound, not the padding
        assertEquals(1, grantSubjects(alice.number).size());

        byte[] once = bulk.challenge();
        byte[] signature = bulk.sign(valid.key(), once, RANDOM);
        bulk.prove(pki.chain(valid), once, signature);
        assertRefused(Reason.CHALLENGE_USED, 409, () -> bulk.prove(pki.chain(valid), once, signature));
        assertEquals(1, grantSubjects(alice.number).size());
    }

    @Test
    void aGrantEndsWithItsCertificateAndWithoutAnchorsNothingIsOffered() throws Exception {
        Party alice = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        Instant now = ServerClock.instant();
        BulkSenderPki.Issued shortLived = pki.leaf("EC", BulkSenderPki.EV_POLICY, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));
        bulk.prove(pki.chain(shortLived), shortLived.key(), RANDOM);
        assertEquals(3, bulk.obtain(pending(3)).tokens().size());

        ServerClock.advance(Duration.ofDays(3));
        assertRefused(Reason.GRANT_EXPIRED, 403, () -> bulk.obtain(pending(1)));

        BulkSenderPki.write("");
        assertRefused(Reason.NOT_OFFERED, 404, bulk::challenge);
        assertRefused(Reason.NOT_OFFERED, 404, () -> bulk.obtain(pending(1)));
    }

    @Test
    void theOperatorsRevocationStopsIssuanceAndBarsTheCertificate() throws Exception {
        Party alice = Party.register(numbers.next());
        Party mallory = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        BulkSenderPki.Issued leaf = pki.evLeaf("EC");
        bulk.prove(pki.chain(leaf), leaf.key(), RANDOM);
        assertEquals(2, bulk.obtain(pending(2)).tokens().size());

        Operator operator = Operators.create(true);
        try {
            JsonObject listed = grantOf(alice.number, operatorGet(operator, "bulk-senders?limit=1000"));
            assertFalse(listed.containsKey("revokedAt"), "in force: " + listed);
            assertEquals(leaf.certificate().getSubjectX500Principal().getName(), listed.getString("subject"));
            HttpResponse<String> revoked = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve(
                            "operator/bulk-senders/" + listed.getJsonNumber("id").longValue() + "/revocation"))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", operator.authorization()));
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertFalse(TacitHttp.json(revoked).isNull("revokedAt"));

            assertRefused(Reason.GRANT_REVOKED, 403, () -> bulk.obtain(pending(1)));
            assertRefused(Reason.CERTIFICATE_BARRED, 403, () -> bulk.prove(pki.chain(leaf), leaf.key(), RANDOM));
            assertRefused(Reason.CERTIFICATE_BARRED, 403, () -> bulkClient(mallory).prove(pki.chain(leaf), leaf.key(),
                    RANDOM), "for any account");

            BulkSenderPki.Issued another = pki.evLeaf("EC");
            bulk.prove(pki.chain(another), another.key(), RANDOM);
            assertEquals(ALLOWANCE - 2, bulk.obtain(pending(ALLOWANCE)).tokens().size(),
                    "granted again, with what was left of the period's allowance");

            assertEquals(404, TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve(
                            "operator/bulk-senders/999999999/revocation")).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", operator.authorization())).statusCode());
            assertEquals(401, TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("operator/bulk-senders"))
                    .GET()).statusCode(), "only with the operator's credentials");
        } finally {
            Operators.remove(operator);
        }
    }

    @Test
    void bulkTokensPayForARealFirstContactAndTheGrantLinksNoRecipient() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        BulkSenderClient bulk = bulkClient(alice);
        BulkSenderPki.Issued leaf = pki.evLeaf("Ed25519");
        bulk.prove(pki.chain(leaf), leaf.key(), RANDOM);
        List<Token> bulkTokens = bulk.obtain(pending(2)).tokens();
        TokenWallet wallet = new TokenWallet(bulkTokens);

        alice.messaging.startConversation(alice.local, bob.bundle(), alice.nextCredential(),
                "hello from a bulk sender".getBytes(java.nio.charset.StandardCharsets.UTF_8), wallet,
                ServerClock.instant(), TestAccounts.RANDOM);
        assertEquals(1, wallet.unspentCount());
        assertEquals("attached", TestDatabase.firstContactTokenState(wallet.spent().get(0)).orElseThrow(),
                "a bulk token paid for the first contact");
        List<PendingMessage> received = bob.receiveAll();
        assertEquals(1, received.size());
        assertTrue(received.get(0).isFirstContact());
        Conversation.Received opened = Conversation.accept(bob.local,
                MailboxClient.open(received.get(0), bob.local, TestAccounts.pinnedCa(), ServerClock.instant()),
                bob.nextCredential(), new AcceptedInitiations(), TestAccounts.RANDOM);
        assertEquals(alice.number, opened.conversation().peer(), "from the bulk sender");
        assertArrayEquals("hello from a bulk sender".getBytes(java.nio.charset.StandardCharsets.UTF_8), opened.text());

        MessagingPrivacyAudit.assertNothingJoins(alice, List.of(bob), "bulk_sender_grant");
    }

    // ---- helpers

    private static void assertRefused(Reason reason, int status, Call call) {
        assertRefused(reason, status, call, "");
    }

    private static void assertRefused(Reason reason, int status, Call call, String message) {
        BulkSenderRefusedException refused = assertThrows(BulkSenderRefusedException.class, call::run, message);
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertEquals(status, refused.status(), refused.getMessage());
        assertEquals(reason.type(), refused.type());
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static BulkSenderPki.Issued leafWithCrl(Instant now, String crl) throws Exception {
        return pki.leaf("EC", BulkSenderPki.EV_POLICY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                pki.crlUrl(crl));
    }

    private static BulkSenderClient bulkClient(Party party) {
        return new BulkSenderClient(TestAccounts.api(), TestDiscovery.signer(party.account), party.number);
    }

    private static List<PendingToken> pending(int count) throws Exception {
        TokenClient tokens = new TokenClient(TestAccounts.client().currentIssuerKey(ServerClock.instant()), RANDOM);
        List<PendingToken> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(tokens.blind(TestAccounts.challenge()));
        }
        return pending;
    }

    /** The subjects of the grants in force of {@code account}, read from the table. */
    private static List<String> grantSubjects(PhoneNumber account) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT subject FROM tacit.bulk_sender_grant WHERE account = ? AND revoked_at IS NULL")) {
            query.setString(1, account.e164());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
        }
        return subjects;
    }

    private static JsonObject operatorGet(Operator operator, String path) {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("operator/" + path))
                .GET().header("Authorization", operator.authorization()));
        assertEquals(200, response.statusCode(), response.body());
        return TacitHttp.json(response);
    }

    private static JsonObject grantOf(PhoneNumber account, JsonObject listing) {
        for (JsonValue grant : listing.getJsonArray("grants")) {
            if (grant.asJsonObject().getString("account").equals(account.e164())) {
                return grant.asJsonObject();
            }
        }
        throw new AssertionError("the operator's listing holds no grant of the account: " + listing);
    }

    // ---- through TacitClient and its state directory (signed and direct: the proxy carries nothing here)

    private <T> T as(String user, ClientStates.Operation<T> operation) throws Exception {
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            return clients().as(user, proxy, operation);
        }
    }

    private List<Token> unspent(String user) throws Exception {
        try (StateDirectory state = clients().open(user)) {
            return state.state().tokens(TokenPurpose.FIRST_CONTACT);
        }
    }

    private ClientStates clients() {
        return new ClientStates(states, "bulk senders", Duration.ofHours(12));
    }
}
