package dev.tacit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.Inbox;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.Release;
import dev.tacit.client.SentMessage;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.state.AccountRecord;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.SocksProxy;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tacit demo}: three people against a running server, end to end, each step printed with what each person
 * saw and what the server holds about it — as the recipient's signed mailbox listing and the token holder's
 * anonymous state question show it, which are the rows of {@code tacit.message} and {@code tacit.first_contact_token}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        header = "Run a three-person conversation against a running server (mvn -Prun package).",
        description = {
            "Registers three new numbers — Alice, Bob and Mallory — with the server at --server (default "
                    + "http://localhost:8080), reading each verification code from the development SMS gateway's "
                    + "outbox, then: Alice's first contact to Bob, paid with a token; Bob reads it and replies, "
                    + "signed as a member of Alice's group; Alice reads the reply; Bob releases Alice's token at a "
                    + "random time and Alice exchanges it for a new one; Mallory sends Bob five unwanted first "
                    + "contacts, Bob reports them as spam, and Mallory is out of tokens. Each step prints what each "
                    + "person saw and what the server holds about it.",
            "",
            "Anonymous requests go through a SOCKS5 proxy: by default one the demo starts on loopback, standing "
                    + "in for Tor, which counts the distinct credentials (circuits) it saw; --through-proxy uses "
                    + "--proxy (Tor) instead. The states live in a temporary directory, deleted after, unless "
                    + "--work-dir.",
            ""})
final class DemoCommand extends ClientCommand {

    private static final Pattern CODE = Pattern.compile("Your Tacit code: ([0-9]{6})");
    private static final Duration CODE_WAIT = Duration.ofSeconds(30);

    @Option(names = "--sms-outbox", paramLabel = "<dir>",
            defaultValue = "server/local-run/standalone/data/tacit/sms-outbox",
            description = "The development SMS gateway's outbox, where the codes are (default: ${DEFAULT-VALUE},"
                    + " mvn -Prun package's, from the checkout's root).")
    Path outbox;

    @Option(names = "--through-proxy",
            description = "Send anonymous requests through --proxy (e.g. Tor) rather than a proxy the demo starts.")
    boolean throughProxy;

    @Option(names = "--demo-release-window", paramLabel = "<duration>", defaultValue = "PT3S",
            converter = TacitCli.DurationConverter.class,
            description = "The window Bob's release is drawn from (default: ${DEFAULT-VALUE}; a real client's is 12"
                    + " hours, --release-window).")
    Duration releaseWindow;

    @Option(names = "--work-dir", paramLabel = "<dir>",
            description = "Where to keep the three state directories; by default a temporary directory, deleted after.")
    Path workDirectory;

    private final List<String> lines = new ArrayList<>();
    private final JsonArrayBuilder steps = Json.createArrayBuilder();
    private final SecureRandom random = new SecureRandom();

    @Override
    void run() throws TacitClientException {
        URI server = cli.server != null ? cli.server : URI.create("http://localhost:8080");
        Path work = workDirectory();
        DemoProxy proxy = throughProxy ? null : DemoProxy.start();
        SocksProxy socks = proxy != null ? proxy.address() : cli.proxy;
        char[] passphrase = passphrase();
        try (Person alice = Person.create("Alice", work, passphrase, server, socks, releaseWindow, random);
             Person bob = Person.create("Bob", work, passphrase, server, socks, releaseWindow, random);
             Person mallory = Person.create("Mallory", work, passphrase, server, socks, releaseWindow, random)) {
            say("Server " + server + "; anonymous requests through " + (proxy != null ? "a SOCKS5 proxy the demo"
                    + " started on " + socks + " (standing in for Tor)" : "the proxy " + socks));
            for (Person person : List.of(alice, bob, mallory)) {
                register(person);
            }

            // 1. Alice's first contact to Bob.
            SentMessage hello = alice.client.send(bob.number, "Hi Bob, it's Alice. Coffee tomorrow?");
            Token alicesToken = alice.client.state().state().sentTokens().get(0).token();
            step(alice, "sent Bob a first contact (looked Bob up, then sent, each anonymously on a circuit of its own),"
                    + " paid with a token; " + alice.client.tokens().firstContact() + " tokens left",
                    mailboxOf(bob) + "; " + tokenState(alice, alicesToken));
            check(hello.firstContact(), "Alice's message was a first contact");

            // 2. Bob reads it and replies with a group signature.
            Inbox bobsInbox = bob.client.receive();
            ReceivedMessage first = only(bobsInbox);
            step(bob, "read " + describe(first, alice, bob), mailboxOf(bob) + " (acknowledged once Bob kept it)");
            SentMessage reply = bob.client.send(alice.number, "Hi Alice! Yes, 10 o'clock?");
            check(!reply.firstContact(), "Bob's answer was a reply");
            step(bob, "replied to Alice, signed as an anonymous member of Alice's group: no token ("
                    + bob.client.tokens().firstContact() + " tokens left)", mailboxOf(alice));
            ReceivedMessage answer = only(alice.client.receive());
            step(alice, "read " + describe(answer, bob, alice), mailboxOf(alice));

            // 3. Bob releases Alice's token at a random time; Alice exchanges it for a new one.
            Release planned = bob.client.release(alice.number);
            step(bob, "planned the release of Alice's token for " + planned.at() + ", a random time within "
                    + releaseWindow + " (12 hours by default), unrelated to his reply", tokenState(alice, alicesToken));
            List<Release> sent = waitForRelease(bob, planned.at());
            step(bob, "sent the release when its time came (" + sent.size() + " release)",
                    tokenState(alice, alicesToken));
            TokenRefresh refreshed = alice.client.refreshTokens();
            check(refreshed.refreshed() == 1, "Alice's token came back");
            step(alice, "asked what became of her token and exchanged it, anonymously, for a new one: "
                    + alice.client.tokens().firstContact() + " tokens", tokenState(alice, alicesToken)
                    + "; the new token was never seen by the server");

            // 4. Mallory spams Bob until out of tokens.
            int spam = 0;
            try {
                while (true) {
                    mallory.client.startConversation(bob.number, "You won a prize! Reply now #" + (++spam));
                }
            } catch (OutOfTokensException e) {
                spam--;
            }
            step(mallory, "sent Bob " + spam + " unwanted first contacts, one token each, then could not send another:"
                    + " out of tokens", mailboxOf(bob));
            Inbox spamInbox = bob.client.receive();
            bob.client.reportSpam(mallory.number);
            step(bob, "read " + spamInbox.messages().size() + " first contacts from Mallory and reported them as spam",
                    tokenStates(mallory));
            TokenRefresh burned = mallory.client.refreshTokens();
            try {
                mallory.client.startConversation(alice.number, "Hello?");
                check(false, "Mallory is out of tokens");
            } catch (OutOfTokensException e) {
                step(mallory, "asked about the five tokens: " + burned.gone() + " burned, none back; Mallory is out of"
                        + " tokens and cannot start a conversation with anyone", "no token of Mallory's is attached"
                        + " to anyone");
            }
            if (proxy != null) {
                say(String.format("The proxy carried %d anonymous connections with %d distinct credentials (one circuit"
                        + " each under Tor); signed requests went direct.", proxy.connections(),
                        proxy.distinctCredentials()));
            }
            say("What the server stored, as the operator sees it: each message's recipient, arrival, size and how it"
                    + " was paid (table message, until acknowledged); each spent token's state, and its recipient and"
                    + " handle only while held (table first_contact_token); the day's spam count (spam_report_count)."
                    + " No sender, no client address.");
        } finally {
            java.util.Arrays.fill(passphrase, ' ');
            if (proxy != null) {
                proxy.close();
            }
            if (workDirectory == null) {
                deleteQuietly(work); // throwaway states, under a throwaway passphrase
            }
        }
        print(Json.createObjectBuilder().add("steps", steps).add("ok", true).build(), String.join("\n", lines));
    }

    /** Registers a new number; one an earlier demo registered (its account locked to that demo's keys) is skipped. */
    private void register(Person person) throws TacitClientException {
        int tokens;
        for (int attempt = 1; ; attempt++) {
            person.client.requestCode(person.number);
            try {
                tokens = person.client.register(textedCode(person.number)).tokensReceived();
                break;
            } catch (RegistrationLockedException e) {
                if (attempt == 5) {
                    throw e;
                }
                person.number = Person.newNumber(random);
            }
        }
        step(person, "registered " + person.number.e164() + " (code from the development outbox): " + tokens
                + " first-contact tokens", "the account's number, keys and certificate");
    }

    private String textedCode(PhoneNumber number) throws TacitClientException {
        Path message = outbox.resolve(number.e164() + ".txt");
        Instant deadline = Instant.now().plus(CODE_WAIT);
        while (true) {
            try {
                Matcher code = CODE.matcher(Files.readString(message, StandardCharsets.UTF_8).strip());
                if (code.matches()) {
                    return code.group(1);
                }
            } catch (IOException e) {
                // not written yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServerUnreachableException("no code for " + number.e164() + " in " + message.toAbsolutePath()
                        + ": is the server a local run with the development SMS gateway? Give --sms-outbox");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private List<Release> waitForRelease(Person bob, Instant at) throws TacitClientException {
        Duration wait = Duration.between(Instant.now(), at);
        if (!wait.isNegative()) {
            sleep(wait.plusMillis(50));
        }
        return bob.client.sendDueReleases();
    }

    /** What the server holds in {@code person}'s mailbox: their own signed listing, which leaves it as it is. */
    private String mailboxOf(Person person) throws TacitClientException {
        AccountRecord account = person.client.state().state().account().orElseThrow();
        List<PendingMessage> pending = new MailboxClient(person.client.direct(), account.number(), account.identity(),
                person.client.clock(), random).listAll();
        if (pending.isEmpty()) {
            return person.name + "'s mailbox is empty";
        }
        StringBuilder held = new StringBuilder(person.name + "'s mailbox holds " + pending.size() + " message(s): ");
        for (int i = 0; i < pending.size(); i++) {
            PendingMessage message = pending.get(i);
            if (i > 0) {
                held.append("; ");
            }
            held.append("received ").append(message.receivedAt()).append(", ").append(message.envelope().toBytes().length)
                    .append(" sealed bytes, ").append(message.isFirstContact() ? "paid with a token (handle only)"
                            : "group-signed").append(", no sender");
        }
        return held.toString();
    }

    /** What the server says of a token, asked anonymously by its holder. */
    private String tokenState(Person holder, Token token) throws TacitClientException {
        return holder.name + "'s token is " + new MessagingClient(holder.client.anonymous()).tokenState(token)
                .name().toLowerCase(java.util.Locale.ROOT);
    }

    private String tokenStates(Person holder) throws TacitClientException {
        List<String> states = new ArrayList<>();
        for (var sent : holder.client.state().state().sentTokens()) {
            states.add(new MessagingClient(holder.client.anonymous()).tokenState(sent.token()).name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return holder.name + "'s tokens are " + String.join(", ", states);
    }

    private static String describe(ReceivedMessage message, Person from, Person reader) {
        check(message.from().equals(from.number), reader.name + " got " + from.name + "'s message");
        return (message.firstContact() ? "a first contact" : "a message") + " from " + from.name
                + " (certificate checked against the pinned CA): \"" + message.text() + "\"";
    }

    private static ReceivedMessage only(Inbox inbox) {
        check(inbox.messages().size() == 1 && inbox.dropped() == 0, "one message arrived");
        return inbox.messages().get(0);
    }

    private void step(Person who, String did, String server) {
        lines.add(String.format("%-8s %s%n         server: %s", who.name, did, server));
        steps.add(Json.createObjectBuilder().add("who", who.name).add("number", who.number.e164()).add("did", did)
                .add("server", server));
    }

    private void say(String text) {
        lines.add(text);
        steps.add(Json.createObjectBuilder().add("note", text));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("the demo went wrong: expected that " + what);
        }
    }

    private Path workDirectory() {
        try {
            return workDirectory != null ? Files.createDirectories(workDirectory) : Files.createTempDirectory("tacit-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var walk = Files.walk(directory)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it up in the end
        }
    }

    private char[] passphrase() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes).toCharArray();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One person of the demo: a new number, a state directory and a client. */
    private static final class Person implements AutoCloseable {

        private static final int[] AREA_CODES = {201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216,
            217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270,
            281, 301, 302, 303};

        PhoneNumber number;

        final String name;
        final StateDirectory state;
        final TacitClient client;

        private Person(String name, PhoneNumber number, StateDirectory state, TacitClient client) {
            this.name = name;
            this.number = number;
            this.state = state;
            this.client = client;
        }

        static Person create(String name, Path work, char[] passphrase, URI server, SocksProxy proxy,
                             Duration releaseWindow, SecureRandom random) throws TacitClientException {
            StateDirectory state = StateDirectory.create(work.resolve(name.toLowerCase(java.util.Locale.ROOT)),
                    passphrase, Argon2idParameters.RECOMMENDED, random);
            TacitClient client = TacitClient.builder(state).server(server).proxy(proxy).random(random)
                    .releaseWindow(releaseWindow).releaseTime(MailboxClient.ReleaseTime.NOW).build();
            return new Person(name, newNumber(random), state, client);
        }

        /**
         * A random number in 555-0100 to 555-0199, the range North America keeps for fiction, of one of a few area
         * codes where the server's number check (libphonenumber) takes it as valid: no real subscriber has it.
         */
        static PhoneNumber newNumber(SecureRandom random) {
            try {
                return PhoneNumber.of(String.format("+1%d55501%02d", AREA_CODES[random.nextInt(AREA_CODES.length)],
                        random.nextInt(100)));
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            client.close();
            state.close();
        }
    }
}
