package dev.tacit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import dev.tacit.client.ServerDescription;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.SocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

import static dev.tacit.benchmarks.ResponseTimes.auc;
import static dev.tacit.benchmarks.ResponseTimes.mean;
import static dev.tacit.benchmarks.ResponseTimes.percentile;

/**
 * A load driver for contact look-ups (docs/protocol.md §4.11) over real HTTP, through the client library:
 *
 * <ol>
 *   <li>registered against unregistered numbers: look-ups of 1 and of 100 numbers, all registered or all not,
 *       interleaved at random, one at a time on one connection, with median, p90 and mean times per kind until
 *       the answer's headers arrive (the server's work: its checks, its query and decoys, and the answer
 *       written up to the first flush of its buffer) and until the whole answer is read and parsed (which adds
 *       the registered numbers' longer answer: their keys), so that a difference in the server's work for
 *       registered numbers would show; the client library's checks of the keys come after, untimed;</li>
 *   <li>throughput: look-ups of 1 and of 100 numbers from several connections at once, as numbers looked up per
 *       second, next to the token verifications per second this JVM manages in the same run, the server's main
 *       cryptographic cost per number (the ratio is against that same-run baseline).</li>
 * </ol>
 *
 * Every look-up spends fresh tokens (obtained beforehand, outside the timings, a hundred per signed request), so
 * the server must allow many: run it against a development server started with a large allowance and
 * signed-request limit, for example
 * <pre>
 * mvn -Prun package -Dtacit.discovery.tokens-per-window=1000000 \
 *     -Dtacit.signed-requests.per-account=1000000                         # in one terminal
 * java -cp benchmarks/target/benchmarks.jar dev.tacit.benchmarks.DiscoveryLookupLoad \
 *     http://localhost:8080 server/local-run/standalone/data/tacit/sms-outbox
 * </pre>
 * Arguments: the server's origin, its SMS outbox (to register the numbers), look-ups of each kind measured in
 * part 1 (default 200 of 100 numbers and ten times as many of 1), and seconds per batch size in part 2 (20).
 */
public final class DiscoveryLookupLoad {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> AREA_CODES = List.of("201", "212", "312", "415", "510", "617", "646", "702",
            "718", "917");
    private static final int BATCH = 100;
    private static final int THREADS = 4;
    private static final String LOOKUP = "/v1/discovery/lookup";

    private final URI origin;
    private final DirectTransport api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RegistrationClient registration;
    private final String prefix = "+1" + AREA_CODES.get(RANDOM.nextInt(AREA_CODES.size())) + "55";
    private final int line = RANDOM.nextInt(80) * 100; // a block of numbers a run of its own uses

    private DiscoveryLookupLoad(URI origin) {
        this.origin = origin;
        this.api = DirectTransport.to(origin);
        this.registration = new RegistrationClient(api);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DiscoveryLookupLoad <server origin> <SMS outbox directory> [look-ups] [seconds]");
            System.exit(2);
        }
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        new DiscoveryLookupLoad(URI.create(args[0])).run(Path.of(args[1]), lookups, seconds);
    }

    private void run(Path outbox, int lookups, int seconds) throws Exception {
        ServerDescription server = registration.server();
        DevelopmentRegistration accounts = new DevelopmentRegistration(registration, outbox, RANDOM);
        PinnedCaVerifier pinnedCa = accounts.pinnedCa();
        System.out.printf(Locale.ROOT, "registering %d numbers of %s…%n", BATCH + 1, prefix);
        RegisteredAccount asker = accounts.register(number(0));
        List<PhoneNumber> registered = new ArrayList<>();
        for (int i = 1; i <= BATCH; i++) {
            registered.add(accounts.register(number(i)).identity().phoneNumber());
        }
        List<PhoneNumber> unregistered = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            unregistered.add(number(BATCH + 1 + i));
        }
        Tokens tokens = new Tokens(asker, server, pinnedCa);

        int singles = 10 * lookups;
        int warmUp = lookups / 4;
        System.out.println("obtaining tokens…");
        tokens.obtain((warmUp + lookups) * 2 * (BATCH + 10) + BATCH); // the four kinds, then one checked look-up
        // Only the exchange is timed: the client's checks of the answer (certificates, signatures, group keys)
        // come after, once per run, so that the times are the server's and the network's.
        timeKinds(tokens, registered, unregistered, warmUp, 10 * warmUp);
        Timings timings = timeKinds(tokens, registered, unregistered, lookups, singles);
        // Direct, not through a proxy, like every look-up here: the driver measures the server, not Tor.
        List<ContactLookup> checked = DiscoveryApi.readAnswer(registered,
                api.post(LOOKUP, DiscoveryApi.lookupRequest(registered, tokens.take(BATCH))), pinnedCa, Instant.now());
        if (!checked.stream().allMatch(ContactLookup.Registered.class::isInstance)) {
            throw new IllegalStateException("the registered numbers' keys do not check out");
        }

        System.out.printf(Locale.ROOT, "%nLook-ups interleaved at random, one at a time on one connection;"
                + " µs until the answer's headers arrive (the server's work), and until the whole answer is read"
                + " and parsed%n");
        System.out.printf(Locale.ROOT, "%-26s %6s %8s | %10s %10s %10s | %10s %10s %10s%n", "kind", "count", "bytes",
                "hdr median", "hdr p90", "hdr mean", "all median", "all p90", "all mean");
        String[] kinds = {"1 registered number", "1 unregistered number", "100 registered numbers",
                "100 unregistered numbers"};
        for (int kind = 0; kind < 4; kind++) {
            print(kinds[kind], timings.answerBytes()[kind], timings.headers()[kind], timings.whole()[kind]);
        }
        for (String part : new String[] {"headers", "whole answer"}) {
            long[][] times = part.equals("headers") ? timings.headers() : timings.whole();
            System.out.printf(Locale.ROOT, "registered / unregistered until the %s: median ratio %.3f and AUC %.3f for"
                            + " 1 number, %.3f and %.3f for 100 (AUC: P(registered slower), 0.5 = indistinguishable)%n",
                    part, percentile(times[0], 50) / percentile(times[1], 50), auc(times[0], times[1]),
                    percentile(times[2], 50) / percentile(times[3], 50), auc(times[2], times[3]));
        }

        System.out.printf(Locale.ROOT, "%nThroughput, %d connections, %d s per batch size%n", THREADS, seconds);
        double verifications = tokenVerificationsPerSecond(tokens.key(), tokens.sample(2000));
        for (int size : new int[] {1, BATCH}) {
            List<PhoneNumber> numbers = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                numbers.add((i % 2 == 0 ? registered : unregistered).get(i / 2));
            }
            tokens.obtain((int) Math.min(2_000_000, (long) size * THREADS * seconds * (size == 1 ? 100 : 8)));
            double perSecond = throughput(tokens, numbers, seconds);
            System.out.printf(Locale.ROOT, "%3d numbers per look-up: %8.1f look-ups/s, %8.1f numbers/s%n", size,
                    perSecond, perSecond * size);
            System.out.printf(Locale.ROOT, "    numbers/s ÷ token verifications/s in this JVM (%.0f/s): %.3f%n",
                    verifications, perSecond * size / verifications);
        }
    }

    private PhoneNumber number(int index) throws Exception {
        return PhoneNumber.of(String.format(Locale.ROOT, "%s%05d", prefix, line + index));
    }

    /**
     * Per kind ([1 registered, 1 unregistered, 100 registered, 100 unregistered]): µs until the answer's headers
     * arrived, µs until the whole answer was read and parsed, and the answer's length in bytes (the last one's).
     */
    private record Timings(long[][] headers, long[][] whole, long[] answerBytes) {
    }

    /** Look-ups of the four kinds in random order, timed. */
    private Timings timeKinds(Tokens tokens, List<PhoneNumber> registered, List<PhoneNumber> unregistered,
                              int hundreds, int singles) throws Exception {
        int[] wanted = {singles, singles, hundreds, hundreds};
        Timings timings = new Timings(new long[][] {new long[singles], new long[singles], new long[hundreds],
                new long[hundreds]}, new long[][] {new long[singles], new long[singles], new long[hundreds],
                new long[hundreds]}, new long[4]);
        int[] done = new int[4];
        List<List<PhoneNumber>> asked = List.of(registered.subList(0, 1), unregistered.subList(0, 1), registered,
                unregistered);
        while (Arrays.stream(done).sum() < Arrays.stream(wanted).sum()) {
            int kind = RANDOM.nextInt(4);
            if (done[kind] == wanted[kind]) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(origin.resolve(LOOKUP))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DiscoveryApi.lookupRequest(asked.get(kind),
                            tokens.take(asked.get(kind).size())).toString())).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long headers = System.nanoTime();
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            JsonObject answer;
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                answer = reader.readObject();
            }
            long whole = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("a look-up was answered " + response.statusCode() + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
            timings.headers()[kind][done[kind]] = (headers - start) / 1000;
            timings.whole()[kind][done[kind]++] = (whole - start) / 1000;
            timings.answerBytes()[kind] = body.length;
            boolean shouldBeRegistered = kind == 0 || kind == 2;
            if (answer.getJsonArray("results").stream()
                    .anyMatch(result -> result.asJsonObject().isNull("keyBundle") == shouldBeRegistered)) {
                throw new IllegalStateException("a look-up of kind " + kind + " answered wrongly");
            }
        }
        return timings;
    }

    /** Look-ups of {@code numbers} per second from {@link #THREADS} connections for {@code seconds}. */
    private double throughput(Tokens tokens, List<PhoneNumber> numbers, int seconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            List<Future<double[]>> counts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                counts.add(threads.submit(() -> {
                    try (DirectTransport ownConnection = DirectTransport.to(origin)) {
                        long start = System.nanoTime();
                        int count = 0;
                        List<Token> paying;
                        while (System.nanoTime() < deadline && (paying = tokens.tryTake(numbers.size())) != null) {
                            ownConnection.post(LOOKUP, DiscoveryApi.lookupRequest(numbers, paying));
                            count++;
                        }
                        return new double[] {count, (System.nanoTime() - start) / 1e9};
                    }
                }));
            }
            double perSecond = 0;
            for (Future<double[]> count : counts) {
                double[] countAndSeconds = count.get();
                perSecond += countAndSeconds[0] / countAndSeconds[1];
            }
            return perSecond;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Token verifications per second in this JVM, one thread, over real tokens of the server's current key. */
    private static double tokenVerificationsPerSecond(IssuerPublicKey key, List<Token> tokens) throws Exception {
        TokenVerifier verifier = new TokenVerifier(IssuerKeyRing.of(key));
        for (Token token : tokens) {
            verifier.verify(token); // warm-up
        }
        int rounds = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
            for (Token token : tokens) {
                verifier.verify(token);
            }
            rounds++;
        }
        return (double) rounds * tokens.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void print(String label, long bytes, long[] headers, long[] whole) {
        System.out.printf(Locale.ROOT, "%-26s %6d %8d | %10.0f %10.0f %10.0f | %10.0f %10.0f %10.0f%n", label,
                headers.length, bytes, percentile(headers, 50), percentile(headers, 90), mean(headers),
                percentile(whole, 50), percentile(whole, 90), mean(whole));
    }

    /** The asker's unspent discovery tokens of the current window, obtained ahead in batches of 100. */
    private final class Tokens {

        private final RequestSigner signer;
        private final ServerDescription server;
        private final PinnedCaVerifier pinnedCa;
        private final Deque<Token> unspent = new ArrayDeque<>();
        private volatile IssuerPublicKey currentKey;

        Tokens(RegisteredAccount asker, ServerDescription server, PinnedCaVerifier pinnedCa) {
            this.signer = new RequestSigner(AccountRequestKeys.signingKey(asker.identity().phoneNumber(),
                    asker.keys().identity()), Clock.systemUTC(), RANDOM);
            this.server = server;
            this.pinnedCa = pinnedCa;
        }

        /** The key of the tokens obtained last. */
        IssuerPublicKey key() {
            return currentKey;
        }

        void obtain(int count) throws Exception {
            // Keys and allowance travel direct; the anonymous transport is never opened: look-ups go direct too.
            DiscoveryApi calls = new DiscoveryApi(api, AnonymousTransport.through(SocksProxy.TOR, origin), pinnedCa,
                    Clock.systemUTC());
            DiscoveryWindow window = server.discoveryWindowAt(Instant.now());
            currentKey = calls.keyFor(window);
            TokenChallenge challenge = window.challenge(server.issuerName());
            TokenClient client = new TokenClient(currentKey, RANDOM);
            List<Token> obtained = new ArrayList<>(count);
            while (obtained.size() < count) {
                List<PendingToken> pending = new ArrayList<>(BATCH);
                for (int i = 0; i < Math.min(BATCH, count - obtained.size()); i++) {
                    pending.add(client.blind(challenge));
                }
                List<Token> batch = calls.obtain(pending, signer).tokens();
                if (batch.isEmpty()) {
                    throw new IllegalStateException("the server grants no more tokens: start it with a larger"
                            + " tacit.discovery.tokens-per-window");
                }
                obtained.addAll(batch);
            }
            synchronized (unspent) {
                unspent.addAll(obtained);
            }
        }

        List<Token> take(int count) {
            List<Token> taken = tryTake(count);
            if (taken == null) {
                throw new IllegalStateException("out of tokens");
            }
            return taken;
        }

        /** {@code count} tokens, or null if fewer are left. */
        List<Token> tryTake(int count) {
            synchronized (unspent) {
                if (unspent.size() < count) {
                    return null;
                }
                List<Token> taken = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    taken.add(unspent.removeFirst());
                }
                return taken;
            }
        }

        /** Tokens to verify in process, which are spent neither here nor on the server. */
        List<Token> sample(int count) throws Exception {
            obtain(count);
            return take(count);
        }
    }
}
