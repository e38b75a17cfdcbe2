package dev.tacit.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.arquillian.AtTheStartOfADiscoveryWindow;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.discovery.DiscoveryClient;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.Token;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contact discovery (docs/protocol.md §4.10, §4.11) through the client library against the real server: the
 * window's allowance is spent and the next look-up waits for the next window (the server's clock moved, not
 * slept), registered numbers come back with keys that a first contact is built from, and a token is good once,
 * in its own window only. Each test starts one second into a discovery window, so it has the window to itself.
 */
@ExtendWith({ArquillianExtension.class, AtTheStartOfADiscoveryWindow.class})
class DiscoveryIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final TestNumbers strangers = TestNumbers.freshPrefix(); // never registered

    @Test
    void anAccountSpendsItsAllowanceAndTheNextLookUpWaitsForTheNextWindow() throws Exception {
        DiscoveryClient discovery = TestDiscovery.client(TestAccounts.register(numbers.next()));
        int allowance = TestDiscovery.server().discoveryTokensPerWindow();
        DiscoveryWindow window = TestDiscovery.currentWindow();
        List<PhoneNumber> unknown = new ArrayList<>();
        for (int i = 0; i < allowance; i++) {
            unknown.add(PhoneNumber.of(strangers.next()));
        }

        List<ContactLookup> found = discovery.lookUp(unknown);
        DiscoveryAllowanceSpentException spent = assertThrows(DiscoveryAllowanceSpentException.class,
                () -> discovery.lookUp(List.of(PhoneNumber.of(numbers.next()))));
        // Ten seconds before the end: the clock runs on while the scheduled jobs run after the move.
        ServerClock.advanceTo(window.end().minusSeconds(10));
        assertThrows(DiscoveryAllowanceSpentException.class, () -> discovery.lookUp(List.of(PhoneNumber.of(numbers.next()))),
                "still spent in the window's last seconds");
        ServerClock.advanceTo(window.end().plusSeconds(1));
        List<ContactLookup> nextWindow = discovery.lookUp(List.of(PhoneNumber.of(numbers.next())));

        assertEquals(allowance, found.size());
        for (int i = 0; i < allowance; i++) {
            assertEquals(new ContactLookup.NotRegistered(unknown.get(i)), found.get(i));
        }
        assertEquals(0, spent.tokensLeft());
        assertEquals(window.end(), spent.nextWindow());
        assertInstanceOf(ContactLookup.NotRegistered.class, nextWindow.get(0));
        assertEquals(allowance - 1, discovery.unspentTokens(), "the new window's allowance, less one look-up");
    }

    @Test
    void onceTheAllowanceIsSpentTheServerSaysWhenTheWindowEnds() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        TestDiscovery.client(account).refill();
        DiscoveryWindow window = TestDiscovery.currentWindow();
        DiscoveryApi api = TestDiscovery.api();

        ProblemResponseException refused = assertThrows(ProblemResponseException.class, () -> api.obtain(
                TestDiscovery.pending(api.keyFor(window), window.challenge(TestDiscovery.server().issuerName()), 1),
                TestDiscovery.signer(account)));

        assertEquals(429, refused.status());
        assertEquals("urn:tacit:problem:rate-limited", refused.type());
        long untilTheEnd = Duration.between(ServerClock.instant(), window.end()).getSeconds();
        long retryAfter = refused.retryAfterSeconds().orElseThrow();
        assertTrue(retryAfter <= untilTheEnd + 1 && retryAfter >= untilTheEnd - 30,
                "Retry-After " + retryAfter + " s, the window ends in " + untilTheEnd + " s");
    }

    @Test
    void aLookUpGivesRegisteredNumbersVerifiedKeysThatAFirstContactIsSealedWith() throws Exception {
        RegisteredAccount alice = TestAccounts.register(numbers.next());
        RegisteredAccount bob = TestAccounts.register(numbers.next());
        PhoneNumber stranger = PhoneNumber.of(strangers.next());

        List<ContactLookup> found = TestDiscovery.client(alice).lookUp(List.of(stranger, bob.identity().phoneNumber()));

        assertEquals(new ContactLookup.NotRegistered(stranger), found.get(0));
        ContactLookup.Registered bobsKeys = assertInstanceOf(ContactLookup.Registered.class, found.get(1));
        assertEquals(bob.identity().phoneNumber(), bobsKeys.keyBundle().identity().phoneNumber());
        assertEquals(bob.keys().identity().publicKey(), bobsKeys.keyBundle().identity().identityKey());
        assertEquals(bob.keys().envelopeKey().publicKey(), bobsKeys.keyBundle().envelopeKey());
        assertEquals(bob.keys().preKey().publicKey(), bobsKeys.keyBundle().preKey());
        assertEquals(bob.keys().group().groupPublicKey(), bobsKeys.groupPublicKey());

        // Alice writes first to the keys she looked up; Bob opens it and checks her credential against her
        // group key, which he looks up in turn.
        MemberCredential alicesCredential = alice.keys().group().mintMember(0);
        Conversation.Started started = Conversation.start(local(alice), bobsKeys.keyBundle(), alicesCredential,
                text("Hello Bob"), ServerClock.instant(), TestAccounts.RANDOM);
        OpenedEnvelope opened = SealedEnvelope.fromBytes(started.envelope().toBytes())
                .open(local(bob).recipient(), TestDiscovery.pinnedCa(), ServerClock.instant());
        Conversation.Received received = Conversation.accept(local(bob), opened, bob.keys().group().mintMember(0),
                new AcceptedInitiations(), TestAccounts.RANDOM);
        ContactLookup alicesKeys = TestDiscovery.client(bob).lookUp(List.of(alice.identity().phoneNumber())).get(0);

        assertArrayEquals(text("Hello Bob"), received.text());
        assertEquals(alice.identity().phoneNumber(), opened.sender().phoneNumber());
        assertEquals(((ContactLookup.Registered) alicesKeys).groupPublicKey(),
                received.peerCredential().groupPublicKey(), "Alice's credential is of the group she publishes");
    }

    @Test
    void aTokenIsGoodOnceAndARefusedLookUpSpendsNone() throws Exception {
        List<Token> tokens = TestDiscovery.tokens(TestAccounts.register(numbers.next()), 3);
        DiscoveryApi api = TestDiscovery.api();
        PhoneNumber one = PhoneNumber.of(strangers.next());
        PhoneNumber two = PhoneNumber.of(strangers.next());

        api.lookUp(List.of(one), List.of(tokens.get(0)));
        ProblemResponseException replayed = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(two), List.of(tokens.get(0))));
        ProblemResponseException mixed = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(one, two), List.of(tokens.get(1), tokens.get(0))));

        assertEquals(409, replayed.status());
        assertEquals("urn:tacit:problem:token-already-spent", replayed.type());
        assertEquals("tokens", replayed.field().orElseThrow());
        assertEquals(409, mixed.status());
        assertEquals(2, api.lookUp(List.of(one, two), List.of(tokens.get(1), tokens.get(2))).size(),
                "the fresh token of the refused look-up was not spent");
    }

    @Test
    void aTokenIsAcceptedUntilTheGraceAfterItsWindowAndRefusedAndForgottenAfter() throws Exception {
        List<Token> tokens = TestDiscovery.tokens(TestAccounts.register(numbers.next()), 2);
        DiscoveryWindow window = TestDiscovery.currentWindow();
        DiscoveryApi api = TestDiscovery.api();

        ServerClock.advanceTo(window.end().plusSeconds(240));
        api.lookUp(List.of(PhoneNumber.of(strangers.next())), List.of(tokens.get(0)));
        boolean recordedInTheGrace = isRecordedAsSpent(tokens.get(0));
        ServerClock.advanceTo(window.end().plusSeconds(301)); // runs the purge, as the passing time would
        ProblemResponseException late = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(PhoneNumber.of(strangers.next())), List.of(tokens.get(1))));
        ProblemResponseException replayedAfterThePurge = assertThrows(ProblemResponseException.class,
                () -> api.lookUp(List.of(PhoneNumber.of(strangers.next())), List.of(tokens.get(0))));

        assertEquals(400, late.status());
        assertEquals("urn:tacit:problem:invalid-discovery-request", late.type());
        assertEquals("tokens", late.field().orElseThrow());
        assertTrue(recordedInTheGrace);
        assertFalse(isRecordedAsSpent(tokens.get(0)), "its record is purged once its key no longer verifies");
        assertEquals(400, replayedAfterThePurge.status(), "and its key refuses it");
        assertEquals("urn:tacit:problem:invalid-discovery-request", replayedAfterThePurge.type());
    }

    private static boolean isRecordedAsSpent(Token token) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM tacit.spent_token WHERE key_id = ? AND nonce = ?")) {
            query.setBytes(1, token.keyId().encode());
            query.setBytes(2, token.nonce());
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1) == 1;
            }
        }
    }

    private static LocalAccount local(RegisteredAccount account) throws Exception {
        AccountSetup keys = account.keys();
        return LocalAccount.of(account.identity().phoneNumber(), keys.identity(), account.identity().certificate(),
                keys.envelopeKey(), keys.signedPreKey().keyId(), keys.preKey());
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
