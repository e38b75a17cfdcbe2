package dev.tacit.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Deploying to your own WildFly", followed to the letter: its shell block, taken from README.md,
 * run on a fresh unzip of the WildFly distribution (the zip the build already has), against a PostgreSQL where
 * the user has only the README's rights, in production mode: with a keystore made by the README's
 * {@code keytool} command and the Twilio gateway's settings (nothing is texted). Tacit must come up ready, and
 * the operator the README adds must open the operator's resource, which stays closed without credentials.
 * Before that, the configuration script is run on the bare installation and must refuse it, naming the
 * missing module.
 */
class OwnWildFlyIT {

    static final String MARKER = "<!-- own-wildfly-steps -->";
    /** The operator the README's step 3 adds, with a password of this run's own. */
    private static final String OPERATOR = "own-wildfly-operator";
    private static final Duration DEPLOYMENT_LIMIT = Duration.ofMinutes(4);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final Duration BOOT_LIMIT = Duration.ofSeconds(60);
    /** WildFly's readiness check of the server state while it boots. */
    private static final String STILL_STARTING = "\"name\":\"server-state\",\"status\":\"DOWN\",\"data\":{\"value\":\"starting\"}";

    @Test
    void theReadmesStepsOnAFreshWildFlyBringTacitUpReady() throws Exception {
        Path work = Path.of(LauncherProcess.requiredProperty("tacit.test.work.dir")).resolveSibling("own-wildfly");
        Directories.delete(work);
        Path jbossHome = unzip(Path.of(LauncherProcess.requiredProperty("tacit.wildfly.zip")), work);
        Path project = Path.of(LauncherProcess.requiredProperty("tacit.project.dir"));
        int portOffset = Integer.getInteger("tacit.test.port.offset", 0);
        WildFlyPorts ports = new WildFlyPorts(portOffset);
        ports.requireFree();

        Process bare = new ProcessBuilder(jbossHome.resolve("bin/jboss-cli.sh").toString(),
                "--file=" + project.resolve("server/src/main/wildfly/configure-tacit.cli"))
                .redirectErrorStream(true).start();
        String said = new String(bare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, bare.waitFor(), said);
        assertTrue(said.contains("Module org.postgresql (the PostgreSQL JDBC driver) does not load: copy the build's"
                + " server/target/wildfly-*/modules/org/postgresql/main to modules/org/postgresql/main"), said);

        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String operatorPassword = HexFormat.of().formatHex(secret);
        Path steps = work.resolve("readme-steps.sh");
        Files.writeString(steps, String.join("\n", readmeSteps(project.resolve("README.md"))) + "\n");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"))) {
            byte[] password = new byte[16];
            new SecureRandom().nextBytes(password);
            DatabaseSettings database = postgres.applicationDatabase("tacit", "tacit", HexFormat.of().formatHex(password));
            ProcessBuilder builder = new ProcessBuilder("bash", "-e", steps.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("readme-steps.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JBOSS_HOME", jbossHome.toString());
            environment.put("TACIT", project.toString());
            environment.putAll(database.asEnvironment());
            environment.putAll(productionSettings(work));
            environment.put("TACIT_PUBLIC_ORIGIN", ports.localOrigin());
            environment.put("TACIT_OPERATOR", OPERATOR);
            environment.put("TACIT_OPERATOR_PASSWORD", operatorPassword);
            // What the README leaves to the operator: this run's ports; standalone.sh forwards SIGTERM.
            environment.put("JBOSS_JAVA_SIZING", LauncherProcess.FAST_BOOT + " -Djboss.socket.binding.port-offset="
                    + portOffset);
            environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
            Process server = builder.start();
            try {
                Path deployments = jbossHome.resolve("standalone/deployments");
                awaitDeployed(deployments, server, work.resolve("readme-steps.log"));
                HttpResponse<String> readiness = awaitBooted(ports, server);
                assertEquals(200, readiness.statusCode(), readiness.body());
                HttpResponse<String> api = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(ports.localOrigin() + "/v1/server")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, api.statusCode(), api.body());
                URI jobs = URI.create(ports.localOrigin() + "/v1/operator/jobs/purge-expired-records/executions");
                HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jobs).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, anonymous.statusCode(), anonymous.body());
                HttpResponse<String> operator = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jobs)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (OPERATOR + ":" + operatorPassword).getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, operator.statusCode(), "the README's operator: " + operator.body());
            } finally {
                stop(server);
            }
        }
    }

    /**
     * What production mode needs besides the database: a keystore, made as README's "Server keys" says, and the
     * Twilio gateway (whose API this test never calls).
     */
    private static Map<String, String> productionSettings(Path work) throws Exception {
        Path keystore = work.resolve("tacit-kek.p12");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genseckey", "-alias", "tacit-kek", "-keyalg", "AES", "-keysize", "256", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        return Map.of("TACIT_KEYSTORE_PATH", keystore.toString(), "TACIT_KEYSTORE_PASSWORD", password,
                "TACIT_SMS_GATEWAY", "twilio", "TACIT_SMS_TWILIO_ACCOUNT_SID", "AC-own-wildfly-test",
                "TACIT_SMS_TWILIO_AUTH_TOKEN", password, "TACIT_SMS_TWILIO_FROM", "+15555550100");
    }

    /** The README's shell block after {@link #MARKER}. */
    static List<String> readmeSteps(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int marker = lines.indexOf(MARKER);
        assertTrue(marker >= 0, "the README has no " + MARKER);
        int start = lines.subList(marker, lines.size()).indexOf("```sh") + marker + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        assertTrue(start > marker && end > start, "no ```sh block after " + MARKER);
        return lines.subList(start, end);
    }

    private static void awaitDeployed(Path deployments, Process server, Path output) throws Exception {
        Instant deadline = Instant.now().plus(DEPLOYMENT_LIMIT);
        while (!Files.exists(deployments.resolve("tacit.ear.deployed"))) {
            if (Files.exists(deployments.resolve("tacit.ear.failed")) || !server.isAlive()
                    || Instant.now().isAfter(deadline)) {
                throw new AssertionError("Tacit did not deploy following the README: "
                        + (Files.exists(deployments.resolve("tacit.ear.failed"))
                                ? Files.readString(deployments.resolve("tacit.ear.failed")) : "")
                        + "\n" + tail(output));
            }
            Thread.sleep(250);
        }
    }

    /**
     * The readiness answer once WildFly has finished booting: the deployment marker can appear while the server
     * still reports the state {@code starting}, which readiness counts as down, as the launcher also allows for.
     */
    private static HttpResponse<String> awaitBooted(WildFlyPorts ports, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(BOOT_LIMIT);
        while (true) {
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(ports.readiness()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!readiness.body().contains(STILL_STARTING) || !server.isAlive() || Instant.now().isAfter(deadline)) {
                return readiness;
            }
            Thread.sleep(250);
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Unpacks the distribution into {@code directory} and returns its one top-level directory. */
    private static Path unzip(Path zip, Path directory) throws IOException {
        Path top = null;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("entry outside the directory: " + entry.getName());
                }
                if (top == null) {
                    top = directory.resolve(directory.relativize(target).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getFileName().toString().endsWith(".sh")) {
                    target.toFile().setExecutable(true); // zip entries carry no mode the JDK reads
                }
            }
        }
        return top;
    }
}
