package dev.tacit.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.tacit.crypto.wire.Base64Url;

/**
 * A Web Push service on loopback (RFC 8030) for the suite: HTTPS with a certificate of its own (made with the JDK's
 * keytool, and trusted by the server under test through its trust store, {@link PushServiceStubObserver}), accepting
 * a push at {@code /push/<id>} with {@code 201 Created} and a {@code Location}, as a push service does. Each push is
 * checked as RFC 8292 wants it: {@code Authorization: vapid t=<JWT>, k=<key>}, the JWT an ES256 signature by
 * {@code k} whose {@code aud} is this service's origin, whose {@code exp} is in the future and at most 24 hours
 * away, and with a {@code sub}; plus a {@code TTL} and no content. Tests choose how an endpoint answers
 * ({@link Behaviour}) and read what it received.
 */
public final class PushServiceStub {

    /** How an endpoint answers. */
    public enum Behaviour {
        /** 201 Created. */
        ACCEPT,
        /** 410 Gone: the subscription has expired (RFC 8030 §7.3). */
        GONE,
        /** 500: the push service fails. */
        FAIL,
        /** No answer until {@link #release()} (or a minute). */
        HANG
    }

    /** One push as received, with the verdict of the VAPID checks ({@code problems} empty when all pass). */
    public record Push(String path, Instant at, String key, JWTClaimsSet claims, String ttl, String urgency,
                       int contentLength, List<String> problems) {
    }

    static final String PASSWORD = "push-stub";
    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([^,\\s]+)");

    private static HttpsServer server;
    private static Path trustStore;
    private static final Map<String, Behaviour> BEHAVIOUR = new ConcurrentHashMap<>();
    private static final List<Push> RECEIVED = new ArrayList<>();
    private static volatile CountDownLatch hanging = new CountDownLatch(1);
    private static int blocked;

    private PushServiceStub() {
    }

    static synchronized void start(Path directory) {
        try {
            Path keyStore = directory.resolve("push-stub.p12");
            trustStore = directory.resolve("push-stub-trust.p12");
            Files.createDirectories(directory);
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore);
            keytool("-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            Path certificate = directory.resolve("push-stub.cer");
            keytool("-exportcert", "-alias", "stub", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "stub", "-file", certificate.toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/push/", PushServiceStub::answer);
            server.start();
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("cannot start the push service stub", e);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    static synchronized void stop() {
        release();
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The trust store holding the stub's certificate, for the server's {@code javax.net.ssl.trustStore}. */
    static synchronized Path trustStore() {
        return trustStore;
    }

    /** This push service's origin, the {@code aud} a VAPID JWT for it must carry. */
    public static synchronized String origin() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    /** A new endpoint of this push service (one client installation), answering as {@code behaviour}. */
    public static String endpoint(Behaviour behaviour) {
        String path = "/push/" + UUID.randomUUID();
        BEHAVIOUR.put(path, behaviour);
        return origin() + path;
    }

    /** The pushes {@code endpoint} has received so far. */
    public static synchronized List<Push> received(String endpoint) {
        String path = endpoint.substring(origin().length());
        return RECEIVED.stream().filter(push -> push.path().equals(path)).toList();
    }

    /** Waits up to {@code within} for {@code endpoint} to have received {@code count} pushes; returns them. */
    public static List<Push> awaitReceived(String endpoint, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (received(endpoint).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received(endpoint);
    }

    /** Pushes waiting on a {@link Behaviour#HANG} endpoint now. */
    public static synchronized int blocked() {
        return blocked;
    }

    /** Lets every hanging push go (answered 201). */
    public static void release() {
        CountDownLatch latch = hanging;
        hanging = new CountDownLatch(1);
        latch.countDown();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] content = exchange.getRequestBody().readAllBytes();
            Push push = check(exchange, path, content.length);
            synchronized (PushServiceStub.class) {
                RECEIVED.add(push);
            }
            Behaviour behaviour = BEHAVIOUR.getOrDefault(path, Behaviour.GONE);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            switch (behaviour) {
                case GONE -> exchange.sendResponseHeaders(410, -1);
                case FAIL -> exchange.sendResponseHeaders(500, -1);
                case HANG -> {
                    CountDownLatch latch = hanging;
                    synchronized (PushServiceStub.class) {
                        blocked++;
                    }
                    try {
                        latch.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        synchronized (PushServiceStub.class) {
                            blocked--;
                        }
                    }
                    created(exchange);
                }
                case ACCEPT -> created(exchange);
            }
        }
    }

    private static void created(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
        exchange.sendResponseHeaders(201, -1);
    }

    private static Push check(HttpExchange exchange, String path, int contentLength) {
        List<String> problems = new ArrayList<>();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String key = null;
        JWTClaimsSet claims = null;
        Matcher vapid = authorization == null ? null : VAPID.matcher(authorization);
        if (vapid == null || !vapid.matches()) {
            problems.add("no Authorization: vapid t=..., k=...");
        } else {
            key = vapid.group(2);
            try {
                SignedJWT jwt = SignedJWT.parse(vapid.group(1));
                if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                    problems.add("alg is not ES256");
                }
                if (!jwt.verify(new ECDSAVerifier(p256(Base64Url.decode(key))))) {
                    problems.add("the JWT's signature does not verify under k");
                }
                claims = jwt.getJWTClaimsSet();
                if (!List.of(origin()).equals(claims.getAudience())) {
                    problems.add("aud is not the push service's origin: " + claims.getAudience());
                }
                Instant now = Instant.now();
                Instant expires = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
                if (expires == null || !expires.isAfter(now) || expires.isAfter(now.plus(Duration.ofHours(24)))) {
                    problems.add("exp is not within the next 24 hours: " + expires);
                }
                if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                    problems.add("no sub");
                }
            } catch (Exception e) {
                problems.add("the JWT does not parse or verify: " + e);
            }
        }
        String ttl = exchange.getRequestHeaders().getFirst("TTL");
        if (ttl == null || !ttl.matches("[0-9]+")) {
            problems.add("no TTL");
        }
        if (contentLength != 0) {
            problems.add("content: " + contentLength + " bytes");
        }
        return new Push(path, Instant.now(), key, claims, ttl, exchange.getRequestHeaders().getFirst("Urgency"),
                contentLength, problems);
    }

    /** An uncompressed P-256 point (65 bytes) as a public key. */
    static ECPublicKey p256(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point: " + HexFormat.of().formatHex(point));
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }
}
