package dev.tacit.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;

/**
 * A load driver for sends (docs/protocol.md §4.12) over real HTTP against a running server in development mode,
 * next to same-run baselines:
 *
 * <ol>
 *   <li>registers accounts (codes from the development SMS outbox); each brings five first-contact tokens;</li>
 *   <li>builds every request body beforehand, outside the timings: first contacts sealed by the token's own
 *       account to one of eight recipients, each paid with one of those tokens; and replies to the same eight,
 *       group-signed by members of the recipient's group;</li>
 *   <li>sends them from several connections at once, token-paid first, then group-signed, each kind after a
 *       warm-up tenth, and counts 202s per second, with the CPU time per send of the server's WildFly and
 *       PostgreSQL when they run on this machine;</li>
 *   <li>runs pgbench on the same PostgreSQL with as many clients, a script inserting one row like a message (a
 *       random 16-byte key, a time, the same envelope length) into a scratch table, before and after the sends;</li>
 *   <li>times one cold and one warm group-signature verification in this JVM (decode with its checks and verify),
 *       whose bound on the same cores is cores ÷ verification time;</li>
 * </ol>
 * and prints the ratios against issue 19's targets: token-paid sends at least half of pgbench's inserts per
 * second, group-signed sends at least 80 % of the verification bound.
 *
 * <pre>
 * mvn -Prun package -Dtacit.verification.sends-per-prefix=100000 -Dtacit.verification.sends-overall=100000
 * java -cp benchmarks/target/benchmarks.jar dev.tacit.benchmarks.SendLoad \
 *     http://localhost:8080 server/local-run/standalone/data/tacit/sms-outbox &lt;PostgreSQL port&gt; [accounts] [replies] [connections]
 * </pre>
 * The PostgreSQL port is the one the run command prints ("Started PostgreSQL on port ..."); pgbench and the
 * scratch table use its superuser {@code postgres}, which the run's PostgreSQL trusts on loopback.
 */
public final class SendLoad {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> AREA_CODES = List.of("201", "212", "312", "415", "510", "617", "646", "702",
            "718", "917");
    private static final int RECIPIENTS = 8;
    /** Members of each recipient's group that reply (contacts it handed a credential to). */
    private static final int REPLYING_MEMBERS = 16;
    private static final String SCRATCH_TABLE = "tacit_benchmark_insert";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final URI origin;
    private final Path outbox;
    /** The server's JVM and PostgreSQL's processes, whose CPU time per send is reported when they are found. */
    private ServerProcesses processes = ServerProcesses.NONE;
    private final String prefix = "+1" + AREA_CODES.get(RANDOM.nextInt(AREA_CODES.size())) + "55";
    private final int line = RANDOM.nextInt(80) * 1000; // a block of numbers of this run's own

    private SendLoad(URI origin, Path outbox) {
        this.origin = origin;
        this.outbox = outbox;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SendLoad <server origin> <SMS outbox directory> <PostgreSQL port>"
                    + " [accounts=600] [replies=4000] [connections=4]");
            System.exit(2);
        }
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        int replies = args.length > 4 ? Integer.parseInt(args[4]) : 4000;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        new SendLoad(URI.create(args[0]), Path.of(args[1])).run(Integer.parseInt(args[2]), accounts, replies,
                connections);
    }

    private void run(int postgresPort, int accountCount, int replyCount, int connections) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d cores, load average %s; %d connections%n", cores, loadAverage(), connections);
        System.out.printf(Locale.ROOT, "registering %d accounts of %s…%n", accountCount, prefix);
        List<Account> accounts = register(accountCount);
        List<Account> recipients = accounts.subList(0, RECIPIENTS);

        System.out.println("building the requests…");
        List<String> firstContacts = firstContacts(accounts, recipients);
        List<String> repliesToSend = replies(accounts, recipients, replyCount);

        Path script = Files.createTempFile("tacit-insert", ".sql");
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
                + "/postgres", "postgres", System.getenv().getOrDefault("PGPASSWORD", ""))) {
            System.out.printf(Locale.ROOT, "PostgreSQL %s, fsync %s, synchronous_commit %s%n",
                    show(postgres, "server_version"), show(postgres, "fsync"), show(postgres, "synchronous_commit"));
            try (Statement statement = postgres.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + SCRATCH_TABLE);
                statement.execute("CREATE TABLE " + SCRATCH_TABLE + " (id BYTEA PRIMARY KEY, received_at TIMESTAMPTZ"
                        + " NOT NULL, payload BYTEA NOT NULL)");
            }
            // One row like a message row: a random 16-byte key, a time, and as many bytes as a first contact's envelope.
            Files.writeString(script, "INSERT INTO " + SCRATCH_TABLE + " VALUES (substr(uuid_send(gen_random_uuid()),"
                    + " 1, 16), now(), convert_to(repeat('x', " + envelopeLength(firstContacts.get(0)) + "), 'UTF8'));\n");
            processes = ServerProcesses.find(origin, postgres);
            double pgbenchBefore = pgbench(postgresPort, script, connections, 10);
            double tokenPaid = sendsPerSecond("token-paid", firstContacts, connections);
            double groupSigned = sendsPerSecond("group-signed", repliesToSend, connections);
            double pgbenchAfter = pgbench(postgresPort, script, connections, 10);
            try (Statement statement = postgres.createStatement()) {
                statement.execute("DROP TABLE " + SCRATCH_TABLE);
            }
            double[] verifyMicros = verificationMicros(recipients.get(0));
            double pgbenchTps = (pgbenchBefore + pgbenchAfter) / 2;
            double boundCold = cores * 1e6 / verifyMicros[0];
            double boundWarm = cores * 1e6 / verifyMicros[1];

            System.out.printf(Locale.ROOT, "%npgbench, %d clients, one-row insert: %.0f tps before, %.0f after%n",
                    connections, pgbenchBefore, pgbenchAfter);
            System.out.printf(Locale.ROOT, "group-signature verification in this JVM, one thread: cold %.0f µs, warm"
                    + " %.0f µs; bound on %d cores: %.0f/s cold, %.0f/s warm%n", verifyMicros[0], verifyMicros[1],
                    cores, boundCold, boundWarm);
            System.out.printf(Locale.ROOT, "token-paid sends:   %7.0f/s = %.2f × pgbench's %.0f tps (target ≥ 0.50)%n",
                    tokenPaid, tokenPaid / pgbenchTps, pgbenchTps);
            System.out.printf(Locale.ROOT, "group-signed sends: %7.0f/s = %.2f × the warm verification bound, %.2f × the"
                    + " cold one (target ≥ 0.80)%n", groupSigned, groupSigned / boundWarm, groupSigned / boundCold);
            System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** An account with what its client holds: keys for sealing, the tokens registration gave it, its bundle. */
    private record Account(RegisteredAccount registered, LocalAccount local, VerifiedKeyBundle bundle) {

        PhoneNumber number() {
            return local.number();
        }
    }

    private List<Account> register(int count) throws Exception {
        List<Account> accounts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(threads.submit(() -> {
                    DevelopmentRegistration registration = new DevelopmentRegistration(
                            new RegistrationClient(DirectTransport.to(origin)), outbox, RANDOM);
                    PinnedCaVerifier pinnedCa = registration.pinnedCa();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        RegisteredAccount account = registration.register(PhoneNumber.of(
                                String.format(Locale.ROOT, "%s%05d", prefix, line + i)));
                        LocalAccount local = LocalAccount.of(account.identity().phoneNumber(),
                                account.keys().identity(), account.identity().certificate(),
                                account.keys().envelopeKey(), account.keys().signedPreKey().keyId(),
                                account.keys().preKey());
                        VerifiedKeyBundle bundle = KeyBundle.of(account.identity().certificate(),
                                account.keys().signedEnvelopeKey(), account.keys().signedPreKey())
                                .verify(pinnedCa, Instant.now());
                        accounts.add(new Account(account, local, bundle));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return new ArrayList<>(accounts);
    }

    /** One first contact per token, sealed by the token's account to a recipient in turn. */
    private static List<String> firstContacts(List<Account> accounts, List<Account> recipients) throws Exception {
        List<String> bodies = new ArrayList<>();
        int i = 0;
        for (Account sender : accounts) {
            MemberCredential handedOver = sender.registered().keys().group().mintMember(1);
            for (Token token : sender.registered().tokens()) {
                Account recipient = recipients.get(i++ % recipients.size());
                SealedEnvelope envelope = Conversation.start(sender.local(), recipient.bundle(), handedOver,
                        "Hello".getBytes(StandardCharsets.UTF_8), Instant.now(), RANDOM).envelope();
                bodies.add(Json.createObjectBuilder().add("recipient", recipient.number().e164())
                        .add("envelope", Base64Url.encode(envelope.toBytes()))
                        .add("token", Base64Url.encode(token.encode())).build().toString());
            }
        }
        Collections.shuffle(bodies, RANDOM);
        return bodies;
    }

    /** {@code count} replies to the recipients in turn, each signed by one of its replying members. */
    private static List<String> replies(List<Account> accounts, List<Account> recipients, int count) throws Exception {
        Map<Integer, String> bodies = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Account recipient = recipients.get(i % recipients.size());
                        Account sender = accounts.get(RECIPIENTS + (i / recipients.size()) % REPLYING_MEMBERS);
                        MemberCredential member = recipient.registered().keys().group()
                                .mintMember(1 + (i / recipients.size()) % REPLYING_MEMBERS);
                        SealedEnvelope envelope = Conversation.start(sender.local(), recipient.bundle(),
                                sender.registered().keys().group().mintMember(1),
                                "Hi".getBytes(StandardCharsets.UTF_8), Instant.now(), RANDOM).envelope();
                        GroupSignedMessage message = GroupSignedMessage.of(recipient.number(), envelope, Instant.now());
                        bodies.put(i, Json.createObjectBuilder().add("recipient", recipient.number().e164())
                                .add("envelope", Base64Url.encode(envelope.toBytes()))
                                .add("groupSignature", Base64Url.encode(member.sign(message).toBytes()))
                                .add("timestamp", message.timestamp().getEpochSecond()).build().toString());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ordered.add(bodies.get(i));
        }
        return ordered;
    }

    /**
     * Sends the first tenth of {@code bodies} to warm up, then the rest from {@code connections} connections at
     * once, each answered 202, and returns sends per second over the rest.
     */
    private double sendsPerSecond(String kind, List<String> bodies, int connections) throws Exception {
        int warmUp = bodies.size() / 10;
        send(bodies.subList(0, warmUp), connections);
        Duration[] cpuBefore = processes.cpu();
        long start = System.nanoTime();
        send(bodies.subList(warmUp, bodies.size()), connections);
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration[] cpuAfter = processes.cpu();
        int measured = bodies.size() - warmUp;
        double perSecond = measured / seconds;
        System.out.printf(Locale.ROOT, "%s: %d sends in %.1f s, %.0f/s (after %d to warm up)%s%n", kind, measured,
                seconds, perSecond, warmUp, cpuBefore == null || cpuAfter == null ? ""
                        : String.format(Locale.ROOT, "; CPU per send: WildFly %.2f ms, PostgreSQL %.2f ms",
                        cpuAfter[0].minus(cpuBefore[0]).toNanos() / 1e6 / measured,
                        cpuAfter[1].minus(cpuBefore[1]).toNanos() / 1e6 / measured));
        return perSecond;
    }

    private void send(List<String> bodies, int connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                workers.add(threads.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(origin.resolve("/v1/messages"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 202) {
                            throw new IllegalStateException("a send was answered " + answer.statusCode() + ": "
                                    + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** pgbench's transactions per second for {@code script}, {@code clients} clients and threads, {@code seconds}. */
    private static double pgbench(int port, Path script, int clients, int seconds) throws IOException,
            InterruptedException {
        Process pgbench = new ProcessBuilder("pgbench", "-n", "-h", "localhost", "-p", Integer.toString(port), "-U",
                "postgres", "-c", Integer.toString(clients), "-j", Integer.toString(clients), "-T",
                Integer.toString(seconds), "-f", script.toString(), "postgres").redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /**
     * Median µs of one cold and one warm verification (decode with its subgroup checks, then verify) in this JVM,
     * one thread, interleaved: what the server does per reply before and after a group gets tables.
     */
    private static double[] verificationMicros(Account recipient) throws Exception {
        GroupPublicKey key = recipient.registered().keys().group().groupPublicKey();
        SealedEnvelope envelope = Conversation.start(recipient.local(), recipient.bundle(),
                recipient.registered().keys().group().mintMember(1), new byte[1], Instant.now(), RANDOM).envelope();
        GroupSignedMessage message = GroupSignedMessage.of(recipient.number(), envelope, Instant.now());
        byte[] signature = recipient.registered().keys().group().mintMember(2).sign(message).toBytes();
        GroupSignatureVerifier cold = GroupSignatureVerifier.withoutTables(key);
        GroupSignatureVerifier warm = GroupSignatureVerifier.withTables(key);
        int rounds = 600;
        long[][] micros = new long[2][rounds];
        for (int round = -100; round < rounds; round++) {
            long start = System.nanoTime();
            cold.verify(GroupSignature.fromBytes(signature), message);
            long afterCold = System.nanoTime();
            warm.verify(GroupSignature.fromBytes(signature), message);
            long afterWarm = System.nanoTime();
            if (round >= 0) {
                micros[0][round] = (afterCold - start) / 1000;
                micros[1][round] = (afterWarm - afterCold) / 1000;
            }
        }
        return new double[] {ResponseTimes.percentile(micros[0], 50), ResponseTimes.percentile(micros[1], 50)};
    }

    private static int envelopeLength(String body) throws Exception {
        return Base64Url.decode(Json.createReader(new StringReader(body)).readObject().getString("envelope"))
                .length;
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    /**
     * The server's WildFly JVM (the one started with the origin's port offset, as the run command starts it) and
     * PostgreSQL's server processes, found on this machine for their CPU times; none if they are not found.
     */
    private record ServerProcesses(ProcessHandle wildfly, ProcessHandle postmaster) {

        static final ServerProcesses NONE = new ServerProcesses(null, null);

        static ServerProcesses find(URI origin, Connection postgres) {
            String offset = "-Djboss.socket.binding.port-offset=" + (origin.getPort() - 8080);
            ProcessHandle wildfly = ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().map(line -> line.contains("jboss-modules.jar")
                            && line.contains(offset)).orElse(false))
                    .findFirst().orElse(null);
            ProcessHandle postmaster = null;
            try (Statement statement = postgres.createStatement();
                 ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
                backend.next();
                postmaster = ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent).orElse(null);
            } catch (Exception elsewhere) {
                // PostgreSQL runs on another machine: no CPU times for it
            }
            if (wildfly == null || postmaster == null) {
                System.out.println("(the server's processes are not on this machine: no CPU times per send)");
                return NONE;
            }
            return new ServerProcesses(wildfly, postmaster);
        }

        /** CPU time so far of WildFly, and of PostgreSQL's processes alive now, or null if unknown. */
        Duration[] cpu() {
            if (wildfly == null) {
                return null;
            }
            Duration postgres = postmaster.descendants().map(process -> process.info().totalCpuDuration()
                    .orElse(Duration.ZERO)).reduce(postmaster.info().totalCpuDuration().orElse(Duration.ZERO),
                    Duration::plus);
            return new Duration[] {wildfly.info().totalCpuDuration().orElse(Duration.ZERO), postgres};
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unknown) {
            return "unknown";
        }
    }
}
