package dev.tacit.it;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.BulkSenderPki;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.cli.ExitCode;
import dev.tacit.cli.TacitCli;
import dev.tacit.client.transport.LoopbackSocksProxy;

import picocli.CommandLine;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tacit} against the real server, as a user runs it: register in two runs (the code from the SMS
 * provider stub), then status, tokens and discover, with the proxy up and down; a conversation; a follower of
 * the live mailbox stream.
 */
@ExtendWith(ArquillianExtension.class)
class CommandLineIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @TempDir
    Path home;

    @Test
    void registersInTwoRunsAndReportsTheAccount() throws Exception {
        String number = numbers.next();
        Path passphrase = Files.writeString(home.resolve("passphrase"), "a passphrase for the test\n");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            List<String> common = List.of("--state-dir", home.resolve("state").toString(), "--passphrase-file",
                    passphrase.toString(), "--proxy", proxy.address().toString(), "--json");

            JsonObject sent = run(common, "register", "--server", "http://localhost:" + TestPorts.http(), "--number", number);
            assertEquals(number, sent.getString("number"));
            String code = SmsProviderStub.latestCodeFor(number).orElseThrow();
            JsonObject registered = run(common, "register", "--code", code);
            assertEquals(5, registered.getInt("tokensReceived"));

            JsonObject status = run(common, "status");
            assertEquals(number, status.getString("number"));
            assertEquals(5, status.getInt("tokensIssued"));
            assertEquals(5, status.getInt("unspentFirstContactTokens"));
            assertTrue(status.getBoolean("keysMatch"));
            assertTrue(status.getJsonObject("proxy").getBoolean("reachable"));
            assertEquals(1, proxy.connections().size(), "only the proxy check went through the proxy");
            assertFalse(proxy.connections().get(0).relayed().contains("/v1/account"));
            assertEquals(5, run(common, "tokens").getInt("firstContact"));

            String stranger = numbers.next();
            JsonObject discovered = run(common, "discover", number, stranger);
            List<JsonObject> results = discovered.getJsonArray("results").getValuesAs(JsonObject.class);
            assertEquals(List.of(number, stranger), results.stream().map(r -> r.getString("number")).toList());
            assertEquals(List.of(true, false), results.stream().map(r -> r.getBoolean("registered")).toList());
            assertEquals(2, proxy.connections().size(), "the look-up went through the proxy");
            assertTrue(proxy.connections().get(1).relayed().startsWith("POST /v1/discovery/lookup "));
            int tokensLeft = discovered.getInt("discoveryTokensLeft");
            assertEquals(tokensLeft, run(common, "tokens").getInt("discovery"));

            proxy.close();
            JsonObject withoutProxy = run(common, "status");
            assertFalse(withoutProxy.getJsonObject("proxy").getBoolean("reachable"));
            assertEquals(number, withoutProxy.getString("number"), "signed requests do not need the proxy");
            JsonObject notSent = run(ExitCode.PROXY_UNREACHABLE, common, "discover", stranger);
            assertEquals("proxy-unreachable", notSent.getJsonObject("error").getString("kind"));
            assertEquals(tokensLeft, run(common, "tokens").getInt("discovery"), "no token spent");
        }
    }

    /**
     * A bulk sender on the command line: {@code bulk-sender prove} with a chain and key in PEM files from the test's
     * own CA, then {@code bulk-sender tokens} up to the allowance and past it; a certificate of another CA is refused
     * with the server's reason.
     */
    @Test
    void aBulkSenderProvesItsCertificateAndTakesTokens() throws Exception {
        Path passphrase = Files.writeString(home.resolve("passphrase"), "a passphrase for the test\n");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start();
             BulkSenderPki pki = BulkSenderPki.start("Command line EV");
             BulkSenderPki other = BulkSenderPki.start("Command line untrusted")) {
            BulkSenderPki.trustAnchors(pki);
            List<String> alice = registered("alice", passphrase, proxy);
            BulkSenderPki.Issued leaf = pki.evLeaf("EC");
            Path chain = pem(home.resolve("chain.pem"), "CERTIFICATE", leaf.certificate().getEncoded(),
                    pki.intermediate().getEncoded());
            Path key = pem(home.resolve("key.pem"), "PRIVATE KEY", leaf.key().getEncoded());
            BulkSenderPki.Issued foreign = other.evLeaf("EC");
            Path foreignChain = pem(home.resolve("foreign.pem"), "CERTIFICATE", foreign.certificate().getEncoded(),
                    other.intermediate().getEncoded());
            Path foreignKey = pem(home.resolve("foreign.key"), "PRIVATE KEY", foreign.key().getEncoded());

            JsonObject refused = run(ExitCode.REFUSED, alice, "bulk-sender", "prove", "--chain", foreignChain.toString(),
                    "--key", foreignKey.toString()).getJsonObject("error");
            assertEquals("urn:tacit:problem:bulk-sender-untrusted-certificate", refused.getString("problemType"));

            JsonObject granted = run(alice, "bulk-sender", "prove", "--chain", chain.toString(), "--key", key.toString());
            assertTrue(granted.getBoolean("granted"));
            assertEquals(leaf.certificate().getSubjectX500Principal().getName(), granted.getString("subject"));
            int allowance = ServerSettingsObserver.BULK_SENDER_TOKENS_PER_PERIOD;
            JsonObject taken = run(alice, "bulk-sender", "tokens", String.valueOf(allowance + 5));
            assertEquals(allowance, taken.getInt("added"), "the allowance, not more");
            assertEquals(5 + allowance, taken.getInt("firstContact"));
            assertEquals(5 + allowance, run(alice, "tokens").getInt("firstContact"), "kept in the state");
            JsonObject spent = run(ExitCode.RATE_LIMITED, alice, "bulk-sender", "tokens", "1").getJsonObject("error");
            assertTrue(spent.getInt("retryAfterSeconds") > 0, spent.toString());
            assertEquals(0, proxy.connections().size(), "signed and direct, nothing through the proxy");
        }
    }

    private static Path pem(Path file, String type, byte[]... blocks) throws Exception {
        StringWriter text = new StringWriter();
        try (org.bouncycastle.util.io.pem.PemWriter pem = new org.bouncycastle.util.io.pem.PemWriter(text)) {
            for (byte[] block : blocks) {
                pem.writeObject(new org.bouncycastle.util.io.pem.PemObject(type, block));
            }
        }
        return Files.writeString(file, text.toString());
    }

    /**
     * Two users' conversation through the commands: send (a first contact), inbox, reply, release, tokens --refresh
     * (with a reputation stamp), tokens --redeem (too few stamps), rotate-keys, block, with the typed failures' exit codes — an unregistered recipient, a reply without a conversation,
     * the proxy down, no tokens left.
     */
    @Test
    void twoUsersConverseThroughTheCommands() throws Exception {
        Path passphrase = Files.writeString(home.resolve("passphrase"), "a passphrase for the test\n");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            List<String> alice = registered("alice", passphrase, proxy);
            List<String> bob = registered("bob", passphrase, proxy);
            String aliceNumber = run(alice, "status").getString("number");
            String bobNumber = run(bob, "status").getString("number");

            JsonObject sent = run(alice, "send", bobNumber, "Hello", "Bob");
            assertTrue(sent.getBoolean("firstContact"));
            assertEquals(4, sent.getInt("firstContactTokensLeft"));
            JsonObject bobsInbox = run(bob, "inbox");
            JsonObject first = bobsInbox.getJsonArray("messages").getJsonObject(0);
            assertEquals(aliceNumber, first.getString("from"));
            assertEquals("Hello Bob", first.getString("text"));
            assertTrue(first.getBoolean("firstContact"));
            assertEquals(1, run(bob, "tokens").getInt("heldFirstContacts"));

            assertFalse(run(bob, "reply", aliceNumber, "Hi Alice").getBoolean("firstContact"));
            assertEquals("Hi Alice", run(alice, "inbox").getJsonArray("messages").getJsonObject(0).getString("text"));
            JsonObject released = run(bob, "release", aliceNumber, "--now");
            assertTrue(released.getJsonArray("releases").getJsonObject(0).getBoolean("sent"));
            JsonObject refreshed = run(alice, "tokens", "--refresh");
            assertEquals(1, refreshed.getJsonObject("refresh").getInt("refreshed"));
            assertEquals(5, refreshed.getInt("firstContact"));
            assertEquals(0, refreshed.getInt("awaitingReturn"));
            assertEquals(1, refreshed.getJsonObject("refresh").getInt("stamps"), "a stamp with the refresh");
            assertEquals(1, refreshed.getInt("stamps"));
            assertFalse(refreshed.containsKey("plannedRedemption"), "one stamp buys nothing yet");
            JsonObject tooFew = run(ExitCode.NOT_ENOUGH_STAMPS, alice, "tokens", "--redeem");
            assertEquals(1, tooFew.getJsonObject("error").getInt("stampsHeld"));
            assertEquals(3, tooFew.getJsonObject("error").getInt("stampsNeeded"));
            assertEquals(1, run(alice, "tokens").getInt("stamps"), "kept");

            run(bob, "rotate-keys");
            assertTrue(run(bob, "status").getBoolean("keysMatch"), "the new pre-key is the published one");
            assertTrue(run(alice, "send", "--first-contact", bobNumber, "After", "the", "rotation").getBoolean("firstContact"));
            assertEquals("After the rotation", run(bob, "inbox").getJsonArray("messages").getJsonObject(0).getString("text"),
                    "a conversation started against the new pre-key opens");

            String stranger = numbers.next();
            JsonObject unknown = run(ExitCode.RECIPIENT_NOT_REGISTERED, alice, "send", stranger, "hello?");
            assertFalse(unknown.getJsonObject("error").getBoolean("tokenSpent"));
            run(ExitCode.STEP_MISSING, alice, "reply", stranger, "hello?");
            for (int i = 0; i < 4; i++) {
                run(alice, "send", "--first-contact", bobNumber, "again");
            }
            run(ExitCode.OUT_OF_TOKENS, alice, "send", "--first-contact", bobNumber, "once more");
            int before = proxy.connections().size();
            proxy.close();
            run(ExitCode.PROXY_UNREACHABLE, bob, "reply", aliceNumber, "not sent");
            assertEquals(before, proxy.connections().size());

            // Blocking goes over the direct channel: the six members Alice handed Bob (six first contacts) revoked.
            JsonObject blocked = run(alice, "block", bobNumber);
            assertEquals(bobNumber, blocked.getString("blocked"));
            assertEquals(6, blocked.getInt("membersRevoked"));
            assertEquals(6, blocked.getInt("groupKeyEpoch"), "one epoch per update");
        }
    }

    /**
     * {@code inbox --follow}: a follower started first prints that it follows once the live stream is open; a
     * message sent only then is printed as it arrives, and {@code --max 1} ends the run with exit code 0. The
     * message was acknowledged: a later {@code inbox} finds nothing.
     */
    @Test
    void followerPrintsAMessageSentAfterItConnected() throws Exception {
        Path passphrase = Files.writeString(home.resolve("passphrase"), "a passphrase for the test\n");
        ExecutorService follower = Executors.newSingleThreadExecutor();
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            List<String> alice = registered("alice", passphrase, proxy);
            List<String> bob = registered("bob", passphrase, proxy);
            String aliceNumber = run(alice, "status").getString("number");
            String bobNumber = run(bob, "status").getString("number");

            LineWriter out = new LineWriter();
            StringWriter err = new StringWriter();
            List<String> arguments = new ArrayList<>(List.of("inbox", "--follow", "--max", "1", "--for", "PT5M"));
            arguments.addAll(bob);
            Future<Integer> exit = follower.submit(() -> {
                CommandLine commandLine = TacitCli.commandLine(new TacitCli());
                commandLine.setOut(new PrintWriter(out, true));
                commandLine.setErr(new PrintWriter(err, true));
                return commandLine.execute(arguments.toArray(String[]::new));
            });
            assertEquals("following", out.next().getString("event"), err.toString());

            run(alice, "send", bobNumber, "Are", "you", "there?");
            JsonObject message = out.next();
            assertEquals("message", message.getString("event"));
            assertEquals(aliceNumber, message.getString("from"));
            assertEquals("Are you there?", message.getString("text"));
            assertTrue(message.getBoolean("firstContact"));
            assertEquals(ExitCode.OK.code(), exit.get(2, TimeUnit.MINUTES), err.toString());
            assertEquals(0, run(bob, "inbox").getJsonArray("messages").size(), "the follower acknowledged it");
        } finally {
            follower.shutdownNow();
        }
    }

    /** Standard output of a running command, handed over a line at a time as JSON. */
    private static final class LineWriter extends Writer {

        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                } else if (buffer[i] != '\r') {
                    partial.append(buffer[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** The next line, waiting for it up to two minutes. */
        JsonObject next() throws InterruptedException {
            String line = lines.poll(2, TimeUnit.MINUTES);
            assertNotNull(line, "no line came");
            return Json.createReader(new StringReader(line)).readObject();
        }
    }

    private List<String> registered(String user, Path passphrase, LoopbackSocksProxy proxy) {
        String number = numbers.next();
        List<String> common = List.of("--state-dir", home.resolve(user).toString(), "--passphrase-file",
                passphrase.toString(), "--proxy", proxy.address().toString(), "--json");
        run(common, "register", "--server", "http://localhost:" + TestPorts.http(), "--number", number);
        run(common, "register", "--code", SmsProviderStub.latestCodeFor(number).orElseThrow());
        return common;
    }

    private static JsonObject run(List<String> common, String... arguments) {
        return run(ExitCode.OK, common, arguments);
    }

    private static JsonObject run(ExitCode expected, List<String> common, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(common);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TacitCli.commandLine(new TacitCli());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(all.toArray(String[]::new));
        assertEquals(expected.code(), exit, out + "\n" + err);
        return Json.createReader(new StringReader(out.toString())).readObject();
    }
}
