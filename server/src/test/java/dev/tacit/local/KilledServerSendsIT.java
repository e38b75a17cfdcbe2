package dev.tacit.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.messages.TokenSpentException;
import dev.tacit.client.messages.TokenState;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.SentCode;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 19's durability check, for real: WildFly is killed with SIGKILL in the middle of a burst of token-paid
 * and group-signed sends from several threads through the client library, then started again on the same
 * PostgreSQL. Every send answered 202 must be in its recipient's mailbox exactly once (through the mailbox API
 * and in the database); a send that got no answer is there once or not at all, never twice, never altered; the
 * token and replay records agree with the messages; and re-sending what got no answer, as a client does, leaves
 * every message stored exactly once. The server is the launcher's ({@code mvn -Prun package}) with a PostgreSQL
 * of the test's own, so that only WildFly dies; the shared Arquillian server is not touched.
 */
class KilledServerSendsIT {

    private static final int SENDERS = 4;
    /** Accepted sends before the kill: about half the senders' 20 tokens, so both kinds are in flight. */
    private static final int KILL_AFTER_ACCEPTED = 20;
    /** A bound on each sender's sends, should the kill not stop them. */
    private static final int MOST_SENDS_PER_SENDER = 400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Outcome { ACCEPTED, NO_ANSWER }

    /** One send as its client saw it. */
    private static final class Send {
        final Party recipient;
        final SealedEnvelope envelope;
        final Token token; // null for a group-signed reply
        final MemberCredential credential;
        final Instant signedAt;
        Outcome outcome;
        String id;

        Send(Party recipient, SealedEnvelope envelope, Token token, MemberCredential credential, Instant signedAt) {
            this.recipient = recipient;
            this.envelope = envelope;
            this.token = token;
            this.credential = credential;
            this.signedAt = signedAt;
        }

        String deliver(MessagingClient client) throws TacitClientException {
            return token != null ? client.sendFirstContact(recipient.number, envelope, token)
                    : client.sendReply(recipient.number, envelope, credential, signedAt);
        }

        String key() {
            return HexFormat.of().formatHex(envelope.toBytes());
        }
    }

    @Test
    void everyAcceptedSendIsStoredOnceAfterWildFlyIsKilledMidBurst() throws Exception {
        Path work = Path.of(LauncherProcess.requiredProperty("tacit.test.work.dir")).resolveSibling("killed-server");
        Directories.delete(work);
        int portOffset = Integer.getInteger("tacit.test.port.offset", 0);
        URI origin = URI.create(new WildFlyPorts(portOffset).localOrigin());
        Path run = work.resolve("run");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"));
             LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            DatabaseSettings database = postgres.applicationDatabase("tacit", "tacit", randomHex());
            // The unanswered replies are sent again after the restart with their signed timestamps: a freshness
            // window longer than a restart on a loaded machine keeps them acceptable.
            List<String> settings = List.of("-Dtacit.db.host=localhost", "-Dtacit.db.port=" + database.port(),
                    "-Dtacit.db.password=" + database.password(), "-Dtacit.messages.reply-freshness=PT30M");
            MessagingClient messaging = new MessagingClient(AnonymousTransport.through(proxy.address(), origin, RANDOM));

            List<Send> sends;
            Party bob;
            Party carol;
            try (LauncherProcess first = LauncherProcess.start(run, portOffset, "before-kill", settings)) {
                first.awaitReady();
                Registrar registrar = new Registrar(origin, run);
                bob = registrar.party("+14155550101");
                carol = registrar.party("+14155550102");
                List<Party> senders = new ArrayList<>();
                for (int i = 0; i < SENDERS; i++) {
                    senders.add(registrar.party("+1415555011" + i));
                }
                sends = burstUntilKilled(first, messaging, senders, List.of(bob, carol));
                first.awaitExit(); // the launcher sees WildFly gone and ends
            }

            try (LauncherProcess second = LauncherProcess.start(run, portOffset, "after-kill", settings)) {
                second.awaitReady(); // deployed, and readiness (with its database check) answers 200
                long accepted = sends.stream().filter(send -> send.outcome == Outcome.ACCEPTED).count();
                List<Send> unanswered = sends.stream().filter(send -> send.outcome == Outcome.NO_ANSWER).toList();
                System.out.printf("[KilledServerSendsIT] %d sends: %d accepted (%d token-paid), %d unanswered%n",
                        sends.size(), accepted, sends.stream().filter(s -> s.outcome == Outcome.ACCEPTED
                                && s.token != null).count(), unanswered.size());
                assertTrue(accepted >= KILL_AFTER_ACCEPTED, "the burst ran until the kill");

                Map<String, Integer> stored = storedOnce(sends, List.of(bob, carol), postgres);
                for (Send send : sends) {
                    int copies = stored.getOrDefault(send.key(), 0);
                    if (send.outcome == Outcome.ACCEPTED) {
                        assertEquals(1, copies, "an accepted send is stored exactly once");
                    } else {
                        assertTrue(copies <= 1, "an unanswered send is stored at most once");
                    }
                }
                assertTokenAndReplayRecords(sends, stored, postgres, messaging);
                System.out.printf("[KilledServerSendsIT] of the unanswered sends, %d were stored before the kill%n",
                        unanswered.stream().filter(send -> stored.containsKey(send.key())).count());

                // What got no answer, sent again as a client does: a token pays once, a signed reply is accepted once.
                for (Send send : unanswered) {
                    boolean wasStored = stored.getOrDefault(send.key(), 0) == 1;
                    try {
                        send.id = send.deliver(messaging);
                        send.outcome = Outcome.ACCEPTED;
                        assertTrue(!wasStored, "a send stored before the kill is accepted again");
                    } catch (TokenSpentException spent) {
                        assertTrue(wasStored, "a token refused though its message was not stored");
                        assertEquals(TokenState.ATTACHED, spent.state());
                    } catch (ProblemResponseException refused) {
                        assertTrue(wasStored && send.token == null, "refused: " + refused.type());
                        assertEquals("urn:tacit:problem:reply-replayed", refused.type());
                    } // refused as stored before: it keeps no answered id, and must still be there once
                }
                Map<String, Integer> afterRetries = storedOnce(sends, List.of(bob, carol), postgres);
                for (Send send : sends) {
                    assertEquals(1, afterRetries.getOrDefault(send.key(), 0), "stored once after the retries");
                }
                assertTokenAndReplayRecords(sends, afterRetries, postgres, messaging);
            }
        }
    }

    /**
     * Each sender on a thread of its own, alternating a first contact paid with one of its tokens and a
     * group-signed reply, to Bob and Carol in turn; WildFly is killed once {@link #KILL_AFTER_ACCEPTED} sends have
     * been accepted, and each sender stops at its first send that gets no answer.
     */
    private static List<Send> burstUntilKilled(LauncherProcess launcher, MessagingClient messaging, List<Party> senders,
                                               List<Party> recipients) throws Exception {
        List<Send> sends = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(senders.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                Party sender = senders.get(s);
                int member = s + 1;
                running.add(threads.submit(() -> {
                    Map<Party, MemberCredential> credentials = new HashMap<>();
                    for (Party recipient : recipients) {
                        credentials.put(recipient, recipient.account.keys().group().mintMember(member));
                    }
                    List<Token> tokens = new ArrayList<>(sender.account.tokens());
                    for (int i = 0; i < MOST_SENDS_PER_SENDER; i++) {
                        Party recipient = recipients.get(i % recipients.size());
                        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                        SealedEnvelope envelope = Conversation.start(sender.local, recipient.bundle,
                                sender.account.keys().group().mintMember(i + 1),
                                ("burst " + i).getBytes(StandardCharsets.UTF_8), now, RANDOM).envelope();
                        boolean paid = i % 2 == 0 && !tokens.isEmpty();
                        Send send = new Send(recipient, envelope, paid ? tokens.remove(0) : null,
                                paid ? null : credentials.get(recipient), now);
                        sends.add(send);
                        try {
                            send.id = send.deliver(messaging);
                            send.outcome = Outcome.ACCEPTED;
                            accepted.incrementAndGet();
                        } catch (ProblemResponseException refused) {
                            throw new AssertionError("a send was refused: " + refused.status() + " " + refused.type(),
                                    refused);
                        } catch (TacitClientException noAnswer) {
                            send.outcome = Outcome.NO_ANSWER;
                            return null;
                        }
                    }
                    return null;
                }));
            }
            while (accepted.get() < KILL_AFTER_ACCEPTED) {
                if (running.stream().allMatch(Future::isDone)) {
                    for (Future<?> sender : running) {
                        sender.get(); // a sender's failure, if one failed
                    }
                    fail("the senders stopped before the kill");
                }
                Thread.sleep(5);
            }
            long pid = launcher.killWildFlyForcibly();
            System.out.printf("[KilledServerSendsIT] killed WildFly (pid %d) with SIGKILL after %d accepted sends%n",
                    pid, accepted.get());
            for (Future<?> sender : running) {
                sender.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return List.copyOf(sends);
    }

    /**
     * How many times each send's envelope is stored, read through the recipients' mailboxes (which must hold
     * nothing that was not sent: nothing altered) and checked against the database's rows; the ids of accepted
     * sends are the ids the mailbox lists.
     */
    private static Map<String, Integer> storedOnce(List<Send> sends, List<Party> recipients, LocalPostgres postgres)
            throws Exception {
        Map<String, Send> sent = new HashMap<>();
        for (Send send : sends) {
            sent.put(send.key(), send);
        }
        Map<String, Integer> listed = new HashMap<>();
        for (Party recipient : recipients) {
            for (PendingMessage message : recipient.mailbox.listAll()) {
                Send send = sent.get(HexFormat.of().formatHex(message.envelope().toBytes()));
                assertTrue(send != null, "the mailbox holds an envelope nobody sent: altered or invented");
                assertEquals(recipient, send.recipient, "in the right mailbox");
                assertEquals(send.token != null, message.tokenHandle().isPresent(), "a handle for a token-paid send");
                if (send.outcome == Outcome.ACCEPTED) {
                    assertEquals(send.id, message.id(), "the id the send was answered with");
                }
                listed.merge(send.key(), 1, Integer::sum);
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = superuser(postgres); Statement statement = connection.createStatement();
             ResultSet messages = statement.executeQuery("SELECT envelope FROM tacit.message")) {
            while (messages.next()) {
                rows.merge(HexFormat.of().formatHex(messages.getBytes(1)), 1, Integer::sum);
            }
        }
        assertEquals(rows, listed, "the database holds what the mailboxes list");
        return listed;
    }

    /**
     * Every stored first contact has one token row, attached to its recipient under the message's handle, and a
     * token whose message is not stored has no row; every stored reply has one replay record, and there are no
     * others.
     */
    private static void assertTokenAndReplayRecords(List<Send> sends, Map<String, Integer> stored,
                                                    LocalPostgres postgres, MessagingClient messaging) throws Exception {
        Map<String, String> tokenRows = new HashMap<>(); // nonce → state recipient handle
        Map<String, String> messageHandles = new HashMap<>(); // envelope → handle
        long replayRecords;
        try (Connection connection = superuser(postgres); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT nonce, state, recipient, handle FROM tacit.first_contact_token")) {
                while (rows.next()) {
                    assertEquals(null, tokenRows.put(HexFormat.of().formatHex(rows.getBytes(1)), rows.getString(2)
                            + " " + rows.getString(3) + " " + HexFormat.of().formatHex(rows.getBytes(4))));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT envelope, token_handle FROM tacit.message WHERE token_handle IS NOT NULL")) {
                while (rows.next()) {
                    messageHandles.put(HexFormat.of().formatHex(rows.getBytes(1)), HexFormat.of().formatHex(rows.getBytes(2)));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM tacit.reply_signature")) {
                rows.next();
                replayRecords = rows.getLong(1);
            }
        }
        long storedReplies = 0;
        long storedFirstContacts = 0;
        for (Send send : sends) {
            boolean isStored = stored.getOrDefault(send.key(), 0) == 1;
            if (send.token == null) {
                storedReplies += isStored ? 1 : 0;
                continue;
            }
            String row = tokenRows.get(HexFormat.of().formatHex(send.token.nonce()));
            if (isStored) {
                storedFirstContacts++;
                assertEquals("attached " + send.recipient.number.e164() + " " + messageHandles.get(send.key()), row,
                        "the token is attached once, to the message's recipient under its handle");
                assertEquals(TokenState.ATTACHED, messaging.tokenState(send.token));
            } else {
                assertEquals(null, row, "a token whose message was not stored is not spent");
                assertEquals(TokenState.UNKNOWN, messaging.tokenState(send.token));
            }
        }
        assertEquals(storedFirstContacts, tokenRows.size(), "no token row without its message");
        assertEquals(storedReplies, replayRecords, "one replay record per stored reply, no other");
    }

    private static Connection superuser(LocalPostgres postgres) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/tacit",
                LocalPostgres.SUPERUSER, "");
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A registered account as its client holds it: keys, tokens, its published bundle and its mailbox. */
    private record Party(PhoneNumber number, RegisteredAccount account, LocalAccount local, VerifiedKeyBundle bundle,
                         MailboxClient mailbox) {
    }

    /** Registers accounts on the launcher's server in development mode, reading codes from its outbox. */
    private static final class Registrar {
        private final RegistrationClient client;
        private final DirectTransport api;
        private final Path run;
        private final PinnedCaVerifier pinnedCa;

        Registrar(URI origin, Path run) throws Exception {
            this.api = DirectTransport.to(origin);
            this.client = new RegistrationClient(api);
            this.run = run;
            this.pinnedCa = new PinnedCaVerifier(client.currentCaCertificate());
        }

        Party party(String e164) throws Exception {
            PhoneNumber number = PhoneNumber.of(e164);
            SentCode sent = client.requestCode(e164);
            AccountSetup setup = AccountSetup.generate(number, client.currentIssuerKey(Instant.now()),
                    client.server().firstContactChallenge(), RANDOM);
            RegisteredAccount account = client.register(client.confirm(sent, DevelopmentOutbox.code(run, e164)), setup,
                    pinnedCa, Instant.now());
            LocalAccount local = LocalAccount.of(number, setup.identity(), account.identity().certificate(),
                    setup.envelopeKey(), setup.signedPreKey().keyId(), setup.preKey());
            VerifiedKeyBundle bundle = KeyBundle.of(account.identity().certificate(), setup.signedEnvelopeKey(),
                    setup.signedPreKey()).verify(pinnedCa, Instant.now());
            MailboxClient mailbox = new MailboxClient(api, number, setup.identity(), Clock.systemUTC(), RANDOM);
            return new Party(number, account, local, bundle, mailbox);
        }
    }
}
