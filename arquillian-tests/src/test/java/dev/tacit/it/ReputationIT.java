package dev.tacit.it;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.ClientStates;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerDescription;
import dev.tacit.client.StampRedemption;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.reputation.NotEnoughStampsException;
import dev.tacit.client.reputation.ReputationCapReachedException;
import dev.tacit.client.reputation.ReputationClient;
import dev.tacit.client.reputation.StampSpentException;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reputation (issue 22; docs/protocol.md §4.18, §4.24, §4.25) through the client library against the real server:
 * a released and refreshed first contact yields one stamp; enough stamps, redeemed at the planned random time, give
 * exactly one more first-contact token, which pays for a real first contact; too few stamps, a stamp twice, a stamp
 * spent before and a stamp inside two concurrent redemptions are refused with the stamp named and nothing spent;
 * concurrent redemptions never pass the period's cap, which starts afresh when the server's clock enters the next
 * period; stamps and first-contact tokens are not interchangeable; and what the server keeps links no stamp to an
 * account.
 */
@ExtendWith(ArquillianExtension.class)
class ReputationIT {

    private static final Duration REDEMPTION_WINDOW = Duration.ofMinutes(20);
    private static final String TOKEN_KEYS_TYPE = RegistrationClient.ISSUER_DIRECTORY_TYPE;

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path folder;

    private ClientStates states;

    @BeforeEach
    void states() {
        states = new ClientStates(folder, "reputation clients", REDEMPTION_WINDOW);
    }

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void theServerPublishesTheDefaultsAndStampKeysOfTheirOwn() throws Exception {
        ServerDescription server = TestAccounts.client().server();
        assertEquals(3, server.stampsPerToken());
        assertEquals(5, server.reputationTokensPerPeriod());
        assertEquals(Duration.ofDays(30), server.reputationPeriod());
        JsonObject stampKeys = TestAccounts.api().getJson(ReputationClient.STAMP_KEYS_PATH, TOKEN_KEYS_TYPE);
        assertEquals("/v1/first-contact-tokens/refresh", stampKeys.getString("issuer-request-uri"));
        IssuerPublicKey stampKey = stampKey();
        IssuerPublicKey firstContactKey = TestAccounts.client().currentIssuerKey(ServerClock.instant());
        assertFalse(stampKey.keyId().equals(firstContactKey.keyId()), "a stamp key signs nothing else");
        assertEquals(stampKey.keyId(), keyId(TestDatabase.signingKey("stamp-issuer", ServerClock.instant())),
                "stored under a purpose of its own");
    }

    /**
     * Alice's three first contacts to Bob are released; her refresh brings three tokens and three stamps back and
     * plans the redemption at a random time within her window, not at once; once due, it gives her one token more,
     * which pays for a sixth first contact when the registration's five are spent.
     */
    @Test
    void releasedFirstContactsEarnStampsThatAreRedeemedLaterForOneMoreFirstContact() throws Exception {
        states.register("alice", numbers.next());
        PhoneNumber bob = states.register("bob", numbers.next());
        PhoneNumber carol = states.register("carol", numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            for (int i = 0; i < 3; i++) {
                assertTrue(states.as("alice", proxy, client -> client.startConversation(bob, "hello")).firstContact());
            }
            states.as("bob", proxy, TacitClient::receive);
            PhoneNumber alice = states.as("alice", proxy, client -> client.number().orElseThrow());
            for (int i = 0; i < 3; i++) {
                states.as("bob", proxy, client -> client.releaseNow(alice));
            }
            int stampRows = stampRows();

            Instant refreshedAt = ServerClock.instant();
            assertEquals(new TokenRefresh(3, 3, 0, 0, 3), states.as("alice", proxy, TacitClient::refreshTokens),
                    "one stamp per refreshed token");
            var tokens = states.as("alice", proxy, TacitClient::tokens);
            assertEquals(5, tokens.firstContact());
            assertEquals(3, tokens.stamps());
            Instant planned = tokens.plannedRedemption().orElseThrow();
            assertTrue(!planned.isBefore(refreshedAt.minusSeconds(1))
                    && planned.isBefore(ServerClock.instant().plus(REDEMPTION_WINDOW)), planned.toString());

            if (planned.minusSeconds(2).isAfter(ServerClock.instant())) { // drawn over 20 minutes: nearly always
                ServerClock.advanceTo(planned.minusSeconds(2));
                assertEquals(Optional.empty(), states.as("alice", proxy, TacitClient::redeemDueStamps), "not due yet");
                assertEquals(stampRows, stampRows(), "nothing redeemed before its time");
            }
            ServerClock.advanceTo(planned.plusSeconds(1));
            StampRedemption redeemed = states.as("alice", proxy, TacitClient::redeemDueStamps).orElseThrow();
            assertEquals(3, redeemed.stampsSpent());
            assertEquals(4, redeemed.grantsLeft());
            assertEquals(stampRows + 3, stampRows(), "the three stamps are spent");
            tokens = states.as("alice", proxy, TacitClient::tokens);
            assertEquals(6, tokens.firstContact(), "exactly one token more");
            assertEquals(0, tokens.stamps());
            assertEquals(Optional.empty(), tokens.plannedRedemption());
            assertThrows(NotEnoughStampsException.class, () -> states.as("alice", proxy, TacitClient::redeemStamps));

            for (int i = 0; i < 6; i++) {
                String text = "hi " + i;
                assertTrue(states.as("alice", proxy, client -> client.startConversation(carol, text)).firstContact());
            }
            assertEquals(6, TestDatabase.mailboxSize(carol.e164()), "the redeemed token paid for a first contact");
            assertThrows(OutOfTokensException.class,
                    () -> states.as("alice", proxy, client -> client.startConversation(carol, "and more")));
        }
    }

    @Test
    void aRefusedRefreshYieldsNoStampAndARefreshWithoutAStampRequestIsAnsweredAsBefore() throws Exception {
        Party sender = Party.register(numbers.next());
        Party recipient = Party.register(numbers.next());
        Token attached = sender.account.tokens().get(0);
        sender.messaging.sendFirstContact(recipient.number, firstContact(sender, recipient), attached);

        ProblemResponseException notReleased = assertThrows(ProblemResponseException.class,
                () -> refresh(sender, attached));
        assertEquals(409, notReleased.status());
        assertEquals("urn:tacit:problem:token-not-refreshable", notReleased.type());

        release(recipient);
        JsonObject answer;
        try (var session = TestAccounts.anonymous().open()) {
            answer = session.post("/v1/first-contact-tokens/refresh", Json.createObjectBuilder()
                    .add("token", Base64Url.encode(attached.encode()))
                    .add("tokenRequest", Base64Url.encode(new dev.tacit.crypto.token.TokenClient(
                            TestAccounts.client().currentIssuerKey(ServerClock.instant()), random)
                            .blind(TestAccounts.challenge()).request().encode()))
                    .build());
        }
        assertTrue(answer.containsKey("tokenResponse"));
        assertFalse(answer.containsKey("stampResponse"), "no stamp asked, none given: " + answer.keySet());
        ProblemResponseException again = assertThrows(ProblemResponseException.class, () -> refresh(sender, attached));
        assertEquals(409, again.status(), "refreshed once, without a stamp; a second refresh is refused, stamp or not");

        ProblemResponseException malformed = assertThrows(ProblemResponseException.class, () -> {
            try (var session = TestAccounts.anonymous().open()) {
                session.post("/v1/first-contact-tokens/refresh", Json.createObjectBuilder()
                        .add("token", Base64Url.encode(attached.encode()))
                        .add("tokenRequest", Base64Url.encode(new byte[259]))
                        .add("stampRequest", Base64Url.encode(new byte[12])).build());
            }
        });
        assertEquals(400, malformed.status());
        assertEquals("urn:tacit:problem:invalid-message-request", malformed.type());
    }

    @Test
    void stampsAndFirstContactTokensAreNotInterchangeable() throws Exception {
        Party sender = Party.register(numbers.next());
        Party recipient = Party.register(numbers.next());
        List<Token> stamps = earnStamps(sender, recipient, 3);

        ProblemResponseException stampAsToken = assertThrows(ProblemResponseException.class,
                () -> sender.messaging.sendFirstContact(recipient.number, firstContact(sender, recipient),
                        stamps.get(0)));
        assertEquals("urn:tacit:problem:invalid-token", stampAsToken.type(), "a stamp pays for no first contact");
        assertEquals(Optional.empty(), TestDatabase.firstContactTokenState(stamps.get(0)));

        Token unspentToken = sender.wallet.take();
        ProblemResponseException tokenAsStamp = assertThrows(ProblemResponseException.class,
                () -> redeem(sender, List.of(stamps.get(0), unspentToken, stamps.get(1))));
        assertEquals("urn:tacit:problem:invalid-reputation-request", tokenAsStamp.type());
        assertEquals(Optional.of("stamps[1]"), tokenAsStamp.field(), "a first-contact token is no stamp");

        // A stamp key's signature on a value blinded for the first-contact challenge: refused by its challenge.
        MessagingClient.Refreshed wrongChallenge = refreshWithStamp(sender, recipient,
                new MessagingClient.StampIssuer(stampKey(), TestAccounts.challenge()));
        Token misbound = wrongChallenge.stamp().orElseThrow();
        ProblemResponseException misboundRefused = assertThrows(ProblemResponseException.class,
                () -> redeem(sender, List.of(stamps.get(0), stamps.get(1), misbound)));
        assertEquals(Optional.of("stamps[2]"), misboundRefused.field());

        assertFalse(TestDatabase.isSpent(stamps.get(0)), "refused redemptions spend nothing");
        ReputationClient.Redeemed redeemed = redeem(sender, stamps);
        assertEquals("unknown", sender.messaging.tokenState(redeemed.token()).name().toLowerCase(java.util.Locale.ROOT),
                "the new token is a first-contact token the server accepts");
        sender.messaging.sendFirstContact(recipient.number, firstContact(sender, recipient), redeemed.token());
        assertEquals(Optional.of("attached"), TestDatabase.firstContactTokenState(redeemed.token()));
    }

    @Test
    void tooFewRepeatedSpentAndMalformedStampsAreRefusedNamingTheMemberAndSpendNothing() throws Exception {
        Party sender = Party.register(numbers.next());
        Party recipient = Party.register(numbers.next());
        List<Token> stamps = earnStamps(sender, recipient, 5);

        ProblemResponseException tooFew = assertThrows(ProblemResponseException.class,
                () -> redeem(sender, stamps.subList(0, 2)));
        assertEquals(400, tooFew.status());
        assertEquals("urn:tacit:problem:invalid-reputation-request", tooFew.type());
        assertEquals(Optional.of("stamps"), tooFew.field(), "N - 1 stamps earn nothing");
        ProblemResponseException tooMany = assertThrows(ProblemResponseException.class,
                () -> redeem(sender, stamps.subList(0, 4)));
        assertEquals(Optional.of("stamps"), tooMany.field());
        ProblemResponseException twice = assertThrows(ProblemResponseException.class,
                () -> redeem(sender, List.of(stamps.get(0), stamps.get(1), stamps.get(0))));
        assertEquals(Optional.of("stamps[2]"), twice.field(), "one stamp twice in a redemption");
        for (Token stamp : stamps) {
            assertFalse(TestDatabase.isSpent(stamp));
        }

        JsonObject badRequest = redemptionBody(stamps.subList(0, 3))
                .add("tokenRequest", Base64Url.encode(new byte[258])).build();
        ProblemResponseException badTokenRequest = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().signed("POST", ReputationClient.PATH, badRequest, signer(sender)));
        assertEquals("urn:tacit:problem:invalid-reputation-request", badTokenRequest.type());
        assertEquals(Optional.of("tokenRequest"), badTokenRequest.field());
        JsonArrayBuilder nonCanonical = Json.createArrayBuilder().add(Base64Url.encode(stamps.get(0).encode()))
                .add(Base64Url.encode(stamps.get(1).encode())).add(Base64Url.encode(stamps.get(2).encode()) + "B");
        ProblemResponseException notBase64 = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().signed("POST", ReputationClient.PATH, Json.createObjectBuilder()
                        .add("stamps", nonCanonical).add("tokenRequest", Base64Url.encode(new byte[259])).build(),
                        signer(sender)));
        assertEquals(400, notBase64.status());
        assertTrue(notBase64.field().map(f -> f.startsWith("stamps")).orElse(true), notBase64.toString());

        int grantsLeft = redeem(sender, stamps.subList(0, 3)).grantsLeft();
        StampSpentException reused = assertThrows(StampSpentException.class,
                () -> redeem(sender, List.of(stamps.get(3), stamps.get(1), stamps.get(4))));
        assertEquals(409, reused.status());
        assertEquals(Optional.of(1), reused.stampIndex(), "the reused stamp is named");
        assertFalse(TestDatabase.isSpent(stamps.get(3)), "its fresh companions were not spent");
        assertFalse(TestDatabase.isSpent(stamps.get(4)));
        List<Token> more = earnStamps(sender, recipient, 1);
        assertEquals(grantsLeft - 1, redeem(sender, List.of(stamps.get(3), stamps.get(4), more.get(0))).grantsLeft(),
                "the refused redemption counted nothing");
    }

    @Test
    void ofTwoConcurrentRedemptionsSharingAStampExactlyOneSucceeds() throws Exception {
        Party sender = Party.register(numbers.next());
        Party recipient = Party.register(numbers.next());
        Party other = Party.register(numbers.next());
        List<Token> stamps = earnStamps(sender, recipient, 5);
        List<Token> first = List.of(stamps.get(0), stamps.get(1), stamps.get(2));
        List<Token> second = List.of(stamps.get(2), stamps.get(3), stamps.get(4));

        List<Object> outcomes = concurrently(List.of(() -> redeem(sender, first), () -> redeem(other, second)));

        long succeeded = outcomes.stream().filter(ReputationClient.Redeemed.class::isInstance).count();
        List<StampSpentException> refused = outcomes.stream().filter(StampSpentException.class::isInstance)
                .map(StampSpentException.class::cast).toList();
        assertEquals(1, succeeded, outcomes.toString());
        assertEquals(1, refused.size(), outcomes.toString());
        boolean firstWon = outcomes.get(0) instanceof ReputationClient.Redeemed;
        assertEquals(Optional.of(firstWon ? 0 : 2), refused.get(0).stampIndex(), "the shared stamp is named");
        for (Token stamp : firstWon ? List.of(stamps.get(3), stamps.get(4)) : List.of(stamps.get(0), stamps.get(1))) {
            assertFalse(TestDatabase.isSpent(stamp), "the loser's other stamps are not spent");
        }
        assertTrue(TestDatabase.isSpent(stamps.get(2)));
    }

    /**
     * Six concurrent redemptions of six sets of stamps by one account: the period allows five, so exactly five get a
     * token and the sixth a 429 with the time to the period's end, its stamps unspent; the account's counter holds
     * five. Once the server's clock is in the next period the sixth set is redeemed. Then the audit: no row the
     * server keeps links a stamp to the account.
     */
    @Test
    void concurrentRedemptionsNeverPassTheCapWhichStartsAfreshInTheNextPeriod() throws Exception {
        Party sender = Party.register(numbers.next());
        Party recipient = Party.register(numbers.next());
        ServerDescription server = TestAccounts.client().server();
        int cap = server.reputationTokensPerPeriod();
        int perToken = server.stampsPerToken();
        // Not so close to the period's end that it passes during the test.
        Instant periodEnd = periodEnd(ServerClock.instant(), server.reputationPeriod());
        if (Duration.between(ServerClock.instant(), periodEnd).compareTo(Duration.ofHours(1)) < 0) {
            ServerClock.advanceTo(periodEnd.plusSeconds(1));
            periodEnd = periodEnd(ServerClock.instant(), server.reputationPeriod());
        }
        List<Token> stamps = earnStamps(sender, recipient, (cap + 1) * perToken);
        List<Callable<Object>> redemptions = new ArrayList<>();
        for (int i = 0; i <= cap; i++) {
            List<Token> set = stamps.subList(i * perToken, (i + 1) * perToken);
            redemptions.add(() -> redeem(sender, set));
        }

        List<Object> outcomes = concurrently(redemptions);

        assertEquals(cap, outcomes.stream().filter(ReputationClient.Redeemed.class::isInstance).count(),
                outcomes.toString());
        int refusedAt = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof ReputationCapReachedException capReached) {
                refusedAt = i;
                long retryAfter = capReached.retryAfter().orElseThrow().toSeconds();
                long untilEnd = Duration.between(ServerClock.instant(), periodEnd).toSeconds();
                assertTrue(retryAfter >= untilEnd - 60 && retryAfter <= untilEnd + 1, retryAfter + " vs " + untilEnd);
            }
        }
        assertTrue(refusedAt >= 0, outcomes.toString());
        List<Token> refusedSet = stamps.subList(refusedAt * perToken, (refusedAt + 1) * perToken);
        for (Token stamp : refusedSet) {
            assertFalse(TestDatabase.isSpent(stamp), "a refused redemption spends no stamp");
        }
        assertEquals(cap * perToken, spentStampsOf(stamps));
        Set<Integer> counters = grantCounters(periodEnd, server.reputationPeriod());
        assertTrue(counters.contains(cap), "a counter of this period holds " + cap + ": " + counters);
        assertFalse(counters.stream().anyMatch(used -> used > cap), "no counter past the cap: " + counters);
        assertThrows(ReputationCapReachedException.class, () -> redeem(sender, refusedSet), "the cap holds");

        ServerClock.advanceTo(periodEnd.plusSeconds(1));
        ReputationClient.Redeemed next = redeem(sender, refusedSet);
        assertEquals(cap - 1, next.grantsLeft(), "a new period, a new count");
        assertEquals(periodEnd.plus(server.reputationPeriod()), next.periodEnd());
        assertEquals((cap + 1) * perToken, spentStampsOf(stamps));

        MessagingPrivacyAudit.assertNothingJoins(sender, List.of(recipient));
        MessagingPrivacyAudit.assertStampsAreKeptAsSpentIdentitiesOnly(stamps);
    }

    // --- earning and redeeming through the client library -------------------------------------------------------

    /**
     * {@code count} stamps for {@code sender}: first contacts to {@code recipient}, which releases them at once; each
     * refresh brings the token back with a stamp.
     */
    private List<Token> earnStamps(Party sender, Party recipient, int count) throws Exception {
        List<Token> stamps = new ArrayList<>();
        MessagingClient.StampIssuer issuer = new MessagingClient.StampIssuer(stampKey(),
                TestAccounts.client().server().stampChallenge());
        while (stamps.size() < count) {
            stamps.add(refreshWithStamp(sender, recipient, issuer).stamp().orElseThrow());
        }
        return stamps;
    }

    /** One first contact from {@code sender} to {@code recipient}, released, and its token refreshed with a stamp. */
    private MessagingClient.Refreshed refreshWithStamp(Party sender, Party recipient,
                                                       MessagingClient.StampIssuer issuer) throws Exception {
        Token token = sender.wallet.take();
        sender.messaging.sendFirstContact(recipient.number, firstContact(sender, recipient), token);
        release(recipient);
        MessagingClient.Refreshed refreshed = sender.messaging.refresh(token,
                TestAccounts.client().currentIssuerKey(ServerClock.instant()), TestAccounts.challenge(),
                Optional.of(issuer), random);
        sender.wallet.refreshed(token, refreshed.token());
        return refreshed;
    }

    private Token refresh(Party sender, Token token) throws TacitClientException {
        return sender.messaging.refresh(token, TestAccounts.client().currentIssuerKey(ServerClock.instant()),
                TestAccounts.challenge(), Optional.of(new MessagingClient.StampIssuer(stampKey(),
                        TestAccounts.client().server().stampChallenge())), random).token();
    }

    /** Releases, at once, every first contact waiting in {@code recipient}'s mailbox; acknowledges them. */
    private static void release(Party recipient) throws TacitClientException {
        for (PendingMessage message : recipient.receiveAll()) {
            recipient.mailbox.release(message.tokenHandle().orElseThrow(), MailboxClient.ReleaseTime.NOW);
        }
    }

    private ReputationClient.Redeemed redeem(Party account, List<Token> stamps) throws TacitClientException {
        return new ReputationClient(TestAccounts.api(), signer(account)).redeem(stamps,
                TestAccounts.client().currentIssuerKey(ServerClock.instant()), TestAccounts.challenge(), random);
    }

    private RequestSigner signer(Party account) {
        return new RequestSigner(AccountRequestKeys.signingKey(account.number, account.account.keys().identity()),
                ServerClock.clock(), random);
    }

    private static IssuerPublicKey stampKey() throws TacitClientException {
        return RegistrationClient.currentIssuerKey(TestAccounts.api().getJson(ReputationClient.STAMP_KEYS_PATH,
                TOKEN_KEYS_TYPE), ServerClock.instant());
    }

    private static jakarta.json.JsonObjectBuilder redemptionBody(List<Token> stamps) {
        JsonArrayBuilder encoded = Json.createArrayBuilder();
        stamps.forEach(stamp -> encoded.add(Base64Url.encode(stamp.encode())));
        return Json.createObjectBuilder().add("stamps", encoded);
    }

    private static dev.tacit.crypto.envelope.SealedEnvelope firstContact(Party from, Party to) throws Exception {
        return Conversation.start(from.local, to.bundle(), from.nextCredential(),
                "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), ServerClock.instant(), TestAccounts.RANDOM)
                .envelope();
    }

    /** Runs the calls at once; each outcome is its result or the exception it threw. */
    private static List<Object> concurrently(List<Callable<Object>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (TacitClientException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    // --- the tables ------------------------------------------------------------------------------------------------

    private static int stampRows() throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit.spent_token WHERE kind = 'stamp'");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static int spentStampsOf(List<Token> stamps) throws Exception {
        int spent = 0;
        for (Token stamp : stamps) {
            spent += TestDatabase.isSpent(stamp) ? 1 : 0;
        }
        return spent;
    }

    /** The uses counted by the abuse counters of the reputation period that ends at {@code periodEnd}. */
    private static Set<Integer> grantCounters(Instant periodEnd, Duration period) throws Exception {
        Set<Integer> used = new HashSet<>();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT used FROM tacit.abuse_counter WHERE expires_at = ? AND window_start = ?")) {
            query.setObject(1, java.time.OffsetDateTime.ofInstant(periodEnd, java.time.ZoneOffset.UTC));
            query.setObject(2, java.time.OffsetDateTime.ofInstant(periodEnd.minus(period),
                    java.time.ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    used.add(rows.getInt(1));
                }
            }
        }
        return used;
    }

    private static Instant periodEnd(Instant now, Duration period) {
        long length = period.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), length) * length + length);
    }

    private static dev.tacit.crypto.token.TokenKeyId keyId(TestDatabase.RotatingKey key) throws Exception {
        return dev.tacit.crypto.token.IssuerPublicKey.decode(key.publicPart()).keyId();
    }
}
