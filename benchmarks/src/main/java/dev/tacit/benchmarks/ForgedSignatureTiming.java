package dev.tacit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;

import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

import static dev.tacit.benchmarks.ResponseTimes.auc;
import static dev.tacit.benchmarks.ResponseTimes.mean;
import static dev.tacit.benchmarks.ResponseTimes.percentile;

/**
 * A load driver for the registration oracle of docs/protocol.md §5.3: over real HTTP, forged signed requests
 * ({@code GET /v1/account} signed by a key that is not the account's) for a registered keyid and for an
 * unregistered one, interleaved in random order, one at a time on one connection, and their response times
 * side by side. The two should be within noise of each other; the ratio of medians is against the same run.
 *
 * <p>Run it against a server in development mode, whose SMS outbox it reads to register a number:
 * <pre>
 * mvn -Prun package                                  # in one terminal
 * java -cp benchmarks/target/benchmarks.jar dev.tacit.benchmarks.ForgedSignatureTiming \
 *     http://localhost:8080 server/local-run/standalone/data/tacit/sms-outbox 2000 500
 * </pre>
 * Arguments: the server's origin, its SMS outbox directory, requests of each kind measured (default 2000) and
 * of each kind sent first to warm up (default 500).
 */
public final class ForgedSignatureTiming {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ForgedSignatureTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ForgedSignatureTiming <server origin> <SMS outbox directory> [requests] [warm-up]");
            System.exit(2);
        }
        URI origin = URI.create(args[0]);
        Path outbox = Path.of(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 500;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String number = String.format(Locale.ROOT, "+1415555%04d", 100 + RANDOM.nextInt(100));
        PhoneNumber registered;
        try (DirectTransport direct = DirectTransport.to(origin)) {
            registered = new DevelopmentRegistration(new RegistrationClient(direct), outbox, RANDOM)
                    .register(PhoneNumber.of(number)).identity().phoneNumber();
        }
        PhoneNumber unregistered = PhoneNumber.of(String.format(Locale.ROOT, "+1415555%04d", 9000 + RANDOM.nextInt(1000)));
        IdentityKeyPair forger = IdentityKeyPair.generate(RANDOM);
        URI target = origin.resolve("/v1/account");

        measure(http, target, registered, unregistered, forger, warmUp);
        long[][] times = measure(http, target, registered, unregistered, forger, requests);

        System.out.printf(Locale.ROOT, "Forged GET /v1/account, %d of each, interleaved at random, one connection%n", requests);
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %10s %10s%n", "keyid", "median µs", "p90 µs", "p99 µs", "mean µs");
        print("registered " + registered.e164(), times[0]);
        print("unregistered " + unregistered.e164(), times[1]);
        System.out.printf(Locale.ROOT, "median registered / unregistered: %.3f; difference of medians: %+.0f µs%n",
                percentile(times[0], 50) / percentile(times[1], 50), percentile(times[0], 50) - percentile(times[1], 50));
        System.out.printf(Locale.ROOT, "P(registered slower than unregistered) (Mann-Whitney AUC, 0.5 = indistinguishable): %.3f%n",
                auc(times[0], times[1]));
    }

    /** {@code count} forged requests of each kind, in random order; their times in µs, [registered, unregistered]. */
    private static long[][] measure(HttpClient http, URI target, PhoneNumber registered, PhoneNumber unregistered,
                                    IdentityKeyPair forger, int count) throws Exception {
        long[][] times = new long[2][count];
        int[] done = new int[2];
        while (done[0] < count || done[1] < count) {
            int kind = done[0] == count ? 1 : done[1] == count ? 0 : RANDOM.nextInt(2);
            HttpRequest request = forged(target, kind == 0 ? registered : unregistered, forger);
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 401) {
                throw new IllegalStateException("a forged request got " + response.statusCode() + ", not 401");
            }
            times[kind][done[kind]++] = micros;
        }
        return times;
    }

    private static HttpRequest forged(URI target, PhoneNumber keyId, IdentityKeyPair forger) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        new RequestSigner(AccountRequestKeys.signingKey(keyId, forger), Clock.systemUTC(), RANDOM)
                .sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0])).asMap()
                .forEach(request::header);
        return request.build();
    }

    private static void print(String label, long[] micros) {
        System.out.printf(Locale.ROOT, "%-26s %10.0f %10.0f %10.0f %10.0f%n", label, percentile(micros, 50),
                percentile(micros, 90), percentile(micros, 99), mean(micros));
    }
}
