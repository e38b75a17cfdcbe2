package dev.tacit.it;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.client.Blocked;
import dev.tacit.client.BlockedByContactException;
import dev.tacit.client.Inbox;
import dev.tacit.client.NoSuchContactException;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.TacitClient;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.state.AccountRecord;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.ContactRecord;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.group.MemberRevokedException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocking a contact end to end (issue 22; docs/protocol.md §2.2.9, §4.29, §4.30), through {@link TacitClient}
 * against the real server and a real SOCKS5 proxy on loopback: the blocked contact's replies are refused while the
 * other contacts' clients catch up by themselves, and no request the blocked contact can make gets it a working
 * credential back; the upload's refusals store nothing; a reply under a superseded key is refused even once the server
 * has built verifier tables for that key.
 */
@ExtendWith(ArquillianExtension.class)
class BlockContactIT {

    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "blocking contacts".toCharArray();
    private static final URI SERVER = URI.create("http://localhost:" + TestPorts.http());
    private static final String INVALID_REPLY_SIGNATURE = "urn:tacit:problem:invalid-reply-signature";

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path states;

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void theBlockedContactIsRefusedTheOthersCatchUpAndNoRequestItCanMakeGetsItAWorkingCredentialBack()
            throws Exception {
        PhoneNumber alice = register("alice");
        PhoneNumber bob = register("bob");
        PhoneNumber carol = register("carol");
        PhoneNumber dave = register("dave");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            for (PhoneNumber contact : List.of(bob, carol, dave)) {
                assertTrue(as("alice", proxy, client -> client.send(contact, "hello")).firstContact(),
                        "a first contact hands Alice's member credential over");
            }
            for (String contact : List.of("bob", "carol", "dave")) {
                assertEquals(List.of("hello"), texts(as(contact, proxy, TacitClient::receive)));
                assertFalse(as(contact, proxy, client -> client.send(alice, "hi from " + contact)).firstContact(),
                        "a reply signed with Alice's credential");
            }
            assertEquals(3, texts(as("alice", proxy, TacitClient::receive)).size());
            assertEquals(List.of(1), read("alice", records -> records.membersHandedTo(carol)),
                    "the state knows which member went to whom");
            MemberCredential carolsBefore = credentialFrom("carol", alice);
            MemberCredential bobsBefore = credentialFrom("bob", alice);
            byte[] keyBefore = TestDatabase.accountBytes(alice.e164(), "group_public_key").orElseThrow();

            Blocked blocked = as("alice", proxy, client -> client.block(carol));
            assertEquals(new Blocked(carol, 1, 1), blocked);
            byte[] keyAfter = TestDatabase.accountBytes(alice.e164(), "group_public_key").orElseThrow();
            assertArrayEquals(read("alice", records -> records.account().orElseThrow().group().groupPublicKey()
                    .toBytes()), keyAfter, "the server holds the key Alice's client manages");
            List<GroupKeyChainIT.Row> chain = GroupKeyChainIT.chain(alice);
            assertEquals(2, chain.size(), chain.toString());
            assertArrayEquals(keyBefore, chain.get(0).key());
            assertEquals(1, chain.get(1).epoch());
            assertArrayEquals(keyAfter, chain.get(1).key());
            assertEquals(GroupKeyUpdate.ENCODED_BYTES, chain.get(1).update().length);

            // Bob's reply is refused under the old key; his client fetches the update anonymously and sends again.
            int before = proxy.connections().size();
            assertFalse(as("bob", proxy, client -> client.send(alice, "still here")).firstContact());
            assertEquals(List.of("POST /v1/messages", "POST /v1/group-key-updates", "POST /v1/messages"),
                    requests(proxy, before), "refused, caught up, accepted; each in a session of its own");
            assertArrayEquals(keyAfter, credentialFrom("bob", alice).groupPublicKey().toBytes(), "saved, caught up");
            before = proxy.connections().size();
            as("bob", proxy, client -> client.send(alice, "and again"));
            assertEquals(List.of("POST /v1/messages"), requests(proxy, before), "no catch-up once up to date");
            as("dave", proxy, client -> client.send(alice, "me too"));

            BlockedByContactException refused = assertThrows(BlockedByContactException.class,
                    () -> as("carol", proxy, client -> client.send(alice, "let me in")));
            assertEquals(alice, refused.contact());
            assertTrue(this.<Boolean>read("carol", records -> records.contact(alice).orElseThrow().credential().isEmpty()),
                    "the revoked credential is dropped");
            Inbox alicesInbox = as("alice", proxy, TacitClient::receive);
            assertEquals(List.of("still here", "and again", "me too"), texts(alicesInbox));
            assertEquals(List.of(bob, bob, dave), alicesInbox.messages().stream().map(ReceivedMessage::from).toList());

            // Everything Carol can try. The catch-up gives her the update, which she cannot apply.
            MessagingClient anonymous = new MessagingClient(TestAccounts.anonymous());
            MessagingClient.GroupKeyUpdates updates = anonymous.groupKeyUpdates(alice, carolsBefore,
                    ServerClock.instant());
            assertEquals(1, updates.updates().size());
            assertThrows(MemberRevokedException.class, () -> carolsBefore.update(updates.updates().get(0)));
            assertStillRefused(anonymous, alice, carolsBefore);
            // A first contact paid with a token: Alice's client drops it, hands nothing over, releases nothing.
            assertTrue(as("carol", proxy, client -> client.startConversation(alice, "please")).firstContact());
            Token carolsToken = read("carol", records -> records.sentTokens().get(0).token());
            int handedOut = read("alice", ClientState::nextMember);
            Inbox dropped = as("alice", proxy, TacitClient::receive);
            assertEquals(List.of(), dropped.messages());
            assertEquals(1, dropped.dropped(), "dropped unread");
            assertEquals(0, TestDatabase.mailboxSize(alice.e164()), "and gone from the mailbox");
            assertEquals(handedOut, read("alice", ClientState::nextMember), "no member handed out");
            assertEquals(List.of(1), read("alice", records -> records.membersHandedTo(carol)));
            assertTrue(this.<Boolean>read("alice", records -> records.heldTokens().isEmpty()), "no release planned");
            as("alice", proxy, TacitClient::sendDueReleases);
            assertEquals("attached", TestDatabase.firstContactTokenState(carolsToken).orElseThrow(),
                    "the token is not released: Carol cannot refresh it");
            assertEquals(List.of(), as("carol", proxy, TacitClient::receive).messages(), "no answer came");
            assertThrows(NoSuchContactException.class, () -> as("carol", proxy, client -> client.reply(alice, "?")));
            // A look-up, then re-registering herself.
            assertInstanceOf(ContactLookup.Registered.class,
                    as("carol", proxy, client -> client.discover(List.of(alice))).get(0));
            as("carol", proxy, TacitClient::reRegister);
            assertThrows(NoSuchContactException.class, () -> as("carol", proxy, client -> client.reply(alice, "?")));
            assertStillRefused(anonymous, alice, carolsBefore);
            // A credential not caught up is refused too, until its holder catches up.
            assertStillRefused(anonymous, alice, bobsBefore);

            // Nothing the server keeps holds Carol's keys beside her own rows: Alice's chain holds only her group's
            // keys and updates (the revoked member key is of Alice's group, not Carol's). Carol's number is left out:
            // it is in the rows of her own mailbox too, as the recipient of Alice's first contact.
            AccountRecord carolsAccount = read("carol", records -> records.account().orElseThrow());
            MessagingPrivacyAudit.assertOnlyItsOwnRowsHold(carol.e164(), List.of(
                    carolsAccount.identity().publicKey().toBytes(), carolsAccount.certificate().toBytes(),
                    carolsAccount.group().groupPublicKey().toBytes(), carolsAccount.signedEnvelopeKey().toBytes(),
                    carolsAccount.signedPreKey().toBytes()));
        }
    }

    @Test
    void aReRegistrationUploadsAnInterruptedBlockFirstAndKeepsTheGroupSoContactsCredentialsStillWork()
            throws Exception {
        PhoneNumber alice = register("alice");
        PhoneNumber bob = register("bob");
        PhoneNumber carol = register("carol");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            for (PhoneNumber contact : List.of(bob, carol)) {
                as("alice", proxy, client -> client.send(contact, "hello"));
            }
            for (String contact : List.of("bob", "carol")) {
                as(contact, proxy, TacitClient::receive);
                as(contact, proxy, client -> client.send(alice, "hi"));
            }
            as("alice", proxy, TacitClient::receive);
            // A block that was saved and never uploaded (the process died in between), as block() saves it.
            try (StateDirectory state = StateDirectory.open(states.resolve("alice"), PASSPHRASE, random)) {
                ClientState records = state.state();
                AccountRecord account = records.account().orElseThrow();
                int carolsMember = records.membersHandedTo(carol).get(0);
                records.setAccount(account.withRevocations(account.group().revoke(carolsMember).next()));
                records.putBlocked(new dev.tacit.client.state.BlockedContactRecord(carol, List.of(carolsMember)));
                state.save();
            }
            assertEquals(1, GroupKeyChainIT.chain(alice).size(), "the server has not seen the block");
            byte[] managed = read("alice", records -> records.account().orElseThrow().group().groupPublicKey()
                    .toBytes());

            as("alice", proxy, TacitClient::reRegister);

            List<GroupKeyChainIT.Row> chain = GroupKeyChainIT.chain(alice);
            assertEquals(List.of(0, 1), chain.stream().map(GroupKeyChainIT.Row::epoch).toList(),
                    "the pending update first, then a registration with the same key: the chain is kept");
            assertArrayEquals(managed, chain.get(1).key());
            assertArrayEquals(managed, TestDatabase.accountBytes(alice.e164(), "group_public_key").orElseThrow());
            assertTrue(as("alice", proxy, TacitClient::status).keysMatch());
            assertFalse(as("bob", proxy, client -> client.send(alice, "after your new device")).firstContact(),
                    "Bob's credential of the kept group, caught up");
            assertThrows(BlockedByContactException.class, () -> as("carol", proxy, client -> client.send(alice, "?")));
            // (Alice's new device has a new envelope key, which Bob's stored key bundle predates: the reply is in her
            // mailbox, accepted under the kept group, but opens only once Bob's client looks her up again.)
            assertEquals(1, TestDatabase.mailboxSize(alice.e164()), "accepted");

            // Replacing the group (§4.9) is another matter: the old chain is forgotten, and Bob must start over.
            AccountRecord account = read("alice", records -> records.account().orElseThrow());
            new AccountClient(TestAccounts.api(), alice, account.identity(), ServerClock.clock(), random)
                    .replaceGroupPublicKey(GroupManagerKey.generate(4).groupPublicKey());
            dev.tacit.client.CredentialNotAcceptedException notAccepted = assertThrows(
                    dev.tacit.client.CredentialNotAcceptedException.class,
                    () -> as("bob", proxy, client -> client.send(alice, "still there?")));
            assertEquals(alice, notAccepted.contact());
        }
    }

    @Test
    void aStaleEpochOrAnUpdateThatDoesNotApplyIsRefusedWithNothingStoredAndTheChainIsCapped() throws Exception {
        PhoneNumber alice = register("alice");
        PhoneNumber stranger = PhoneNumber.of(numbers.next());
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            assertEquals(new Blocked(stranger, 0, 0), as("alice", proxy, client -> client.block(stranger)),
                    "no member was handed to them: nothing to revoke, nothing uploaded");
        }
        assertTrue(this.<Boolean>read("alice", records -> records.isBlocked(stranger)), "their first contacts will be dropped");
        AccountRecord account = read("alice", records -> records.account().orElseThrow());
        AccountClient secondDevice = new AccountClient(TestAccounts.api(), alice, account.identity(),
                ServerClock.clock(), random);
        GroupManagerKey group = account.group();
        GroupManagerKey.Revocation first = group.revoke(7);
        assertEquals(1, secondDevice.uploadGroupKeyUpdates(0, List.of(first.update())).getInt("epoch"));
        List<GroupKeyChainIT.Row> stored = GroupKeyChainIT.chain(alice);
        byte[] storedKey = TestDatabase.accountBytes(alice.e164(), "group_public_key").orElseThrow();
        assertArrayEquals(first.next().groupPublicKey().toBytes(), storedKey);

        GroupManagerKey.Revocation second = first.next().revoke(8);
        ProblemResponseException stale = assertThrows(ProblemResponseException.class,
                () -> secondDevice.uploadGroupKeyUpdates(0, List.of(first.update())));
        assertEquals(409, stale.status());
        assertEquals("urn:tacit:problem:group-key-epoch-stale", stale.type());
        assertEquals("1", stale.member("epoch").orElseThrow(), "the current epoch");

        GroupKeyUpdate otherGroups = GroupManagerKey.generate(4).revoke(1).update();
        byte[] tampered = second.update().toBytes();
        tampered[1 + 48 + 31] ^= 1; // x* no longer the member key of A*
        assertRefusedAt(secondDevice, 0, List.of(otherGroups));
        assertRefusedAt(secondDevice, 0, List.of(GroupKeyUpdate.fromBytes(tampered)));
        assertRefusedAt(secondDevice, 0, List.of(first.update()), "an update applied before");
        assertRefusedAt(secondDevice, 1, List.of(second.update(), second.update()), "the second does not apply");
        for (ProblemResponseException badShape : List.of(
                assertThrows(ProblemResponseException.class, () -> secondDevice.uploadGroupKeyUpdates(-1,
                        List.of(second.update()))),
                assertThrows(ProblemResponseException.class, () -> secondDevice.uploadGroupKeyUpdates(1, List.of())),
                assertThrows(ProblemResponseException.class, () -> secondDevice.uploadGroupKeyUpdates(1,
                        java.util.Collections.nCopies(101, second.update()))))) {
            assertEquals(400, badShape.status());
            assertEquals("urn:tacit:problem:invalid-request", badShape.type(), "fromEpoch negative, 0 or 101 updates");
        }
        assertEquals(stored, GroupKeyChainIT.chain(alice), "nothing stored");
        assertArrayEquals(storedKey, TestDatabase.accountBytes(alice.e164(), "group_public_key").orElseThrow());

        // The chain holds GROUP_MAX_UPDATES updates at most: one more is refused, with nothing stored.
        GroupManagerKey at = first.next();
        List<GroupKeyUpdate> more = new ArrayList<>();
        for (int member = 20; more.size() < ServerSettingsObserver.GROUP_MAX_UPDATES; member++) {
            GroupManagerKey.Revocation revocation = at.revoke(member);
            more.add(revocation.update());
            at = revocation.next();
        }
        ProblemResponseException full = assertThrows(ProblemResponseException.class,
                () -> secondDevice.uploadGroupKeyUpdates(1, more));
        assertEquals(409, full.status());
        assertEquals("urn:tacit:problem:group-key-chain-full", full.type());
        assertEquals(stored, GroupKeyChainIT.chain(alice));
        int max = ServerSettingsObserver.GROUP_MAX_UPDATES;
        assertEquals(max, secondDevice.uploadGroupKeyUpdates(1, more.subList(0, max - 1)).getInt("epoch"),
                "up to the bound");
        assertEquals(max + 1, GroupKeyChainIT.chain(alice).size());
    }

    @Test
    void aReplyUnderASupersededKeyIsRefusedAfterTheServerBuiltTablesForThatKey() throws Exception {
        Party alice = Party.register(numbers.next());
        GroupManagerKey group = alice.account.keys().group();
        MemberCredential bobs = group.mintMember(1);
        MemberCredential carols = group.mintMember(2);
        MessagingClient anonymous = new MessagingClient(TestAccounts.anonymous());
        // Twice the promotion count of valid replies: the group is promoted, and the later ones find its tables.
        for (int i = 0; i < 2 * ServerSettingsObserver.GROUP_PROMOTION_REPLIES; i++) {
            assertNotNull(anonymous.sendReply(alice.number, envelope(), i % 2 == 0 ? bobs : carols,
                    ServerClock.instant()));
        }

        GroupManagerKey.Revocation blockCarol = group.revoke(2);
        new AccountClient(TestAccounts.api(), alice.number, alice.account.keys().identity(), ServerClock.clock(),
                random).uploadGroupKeyUpdates(0, List.of(blockCarol.update()));

        assertStillRefused(anonymous, alice.number, carols);
        assertStillRefused(anonymous, alice.number, bobs);
        MemberCredential bobsNow = bobs.update(blockCarol.update());
        assertNotNull(anonymous.sendReply(alice.number, envelope(), bobsNow, ServerClock.instant()),
                "Bob's credential, caught up");
        ServerClock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < ServerSettingsObserver.GROUP_PROMOTION_REPLIES; i++) {
            anonymous.sendReply(alice.number, envelope(), bobsNow, ServerClock.instant());
        }
        assertStillRefused(anonymous, alice.number, carols);
        assertThrows(MemberRevokedException.class, () -> carols.update(blockCarol.update()));
    }

    private void assertStillRefused(MessagingClient anonymous, PhoneNumber recipient, MemberCredential credential)
            throws Exception {
        ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                () -> anonymous.sendReply(recipient, envelope(), credential, ServerClock.instant()));
        assertEquals(400, refused.status());
        assertEquals(INVALID_REPLY_SIGNATURE, refused.type());
    }

    private static void assertRefusedAt(AccountClient account, int index, List<GroupKeyUpdate> updates, String... why) {
        ProblemResponseException refused = assertThrows(ProblemResponseException.class,
                () -> account.uploadGroupKeyUpdates(1, updates), String.join(" ", why));
        assertEquals(400, refused.status());
        assertEquals("urn:tacit:problem:group-key-update-invalid", refused.type());
        assertEquals("updates", refused.field().orElseThrow());
        assertEquals(Integer.toString(index), refused.member("index").orElseThrow(), String.join(" ", why));
    }

    /** Random bytes of a 512-byte-bucket envelope: all the server sees of one. */
    private SealedEnvelope envelope() throws MalformedEncodingException {
        byte[] bytes = new byte[1 + 32 + 512 + 16];
        random.nextBytes(bytes);
        bytes[0] = SealedEnvelope.VERSION;
        return SealedEnvelope.fromBytes(bytes);
    }

    private static List<String> requests(LoopbackSocksProxy proxy, int from) {
        return proxy.connections().subList(from, proxy.connections().size()).stream()
                .map(c -> c.relayed().substring(0, c.relayed().indexOf(" HTTP/1.1\r\n"))).toList();
    }

    private MemberCredential credentialFrom(String user, PhoneNumber contact) throws Exception {
        return read(user, records -> records.contact(contact).flatMap(ContactRecord::credential).orElseThrow());
    }

    /** One operation by one user: their state opened, a client over it, closed again, as separate runs would. */
    private <T> T as(String user, LoopbackSocksProxy proxy, Operation<T> operation) throws Exception {
        try (StateDirectory state = StateDirectory.open(states.resolve(user), PASSPHRASE, random);
             TacitClient client = TacitClient.builder(state).proxy(proxy.address()).clock(ServerClock.clock())
                     .random(random).releaseTime(MailboxClient.ReleaseTime.NOW).build()) {
            return operation.run(client);
        }
    }

    private <T> T read(String user, Reading<T> reading) throws Exception {
        try (StateDirectory state = StateDirectory.open(states.resolve(user), PASSPHRASE, random)) {
            return reading.read(state.state());
        }
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(TacitClient client) throws Exception;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(ClientState records) throws Exception;
    }

    private PhoneNumber register(String user) throws Exception {
        String number = numbers.next();
        try (StateDirectory state = StateDirectory.create(states.resolve(user), PASSPHRASE, CHEAP, random);
             TacitClient client = TacitClient.builder(state).server(SERVER).clock(ServerClock.clock()).random(random)
                     .build()) {
            client.requestCode(PhoneNumber.of(number));
            client.register(SmsProviderStub.latestCodeFor(number).orElseThrow());
        }
        return PhoneNumber.of(number);
    }

    private static List<String> texts(Inbox inbox) {
        assertEquals(0, inbox.dropped(), "every message opened");
        return inbox.messages().stream().map(ReceivedMessage::text).toList();
    }
}
