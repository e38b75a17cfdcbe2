package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Tacit locally: PostgreSQL (unless one is configured), then the build's WildFly with tacit.ear, until
 * Ctrl-C or SIGTERM, after which it stops both. Started by {@code mvn -Prun package}.
 *
 * <p>Everything the run keeps lives in its run directory ({@code server/local-run}, outside {@code target/}
 * so that {@code mvn clean} leaves it): the built-in PostgreSQL's files and WildFly's base directory, whose
 * {@code data/} holds the development keystore and the SMS outbox. A run keeps the data of the last one;
 * deleting the directory starts afresh. WildFly's configuration and the deployed EAR are refreshed from the
 * build on every start.
 *
 * <p>Before starting WildFly it checks what it can (ports, database rights, keystore); then it watches the
 * deployment scanner's markers and reports a failed deployment at once, with the first error of the log.
 */
public final class LocalServer {

    static final String READY = "Tacit is ready";
    static final String DEPLOYMENT_FAILED = "Tacit failed to deploy";

    /** WildFly's deployment timeout is 5 minutes; a deployment still running after this is stuck. */
    private static final Duration DEPLOYMENT_LIMIT = Duration.ofMinutes(5);
    private static final Duration READINESS_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);
    private static final String EAR = "tacit.ear";
    private static final String DATABASE = "tacit";
    private static final String DATABASE_USER = "tacit";
    /** Where the server makes its development keystore when none is configured (KeyEncryptionKey). */
    private static final String DEVELOPMENT_KEYSTORE = "data/tacit/development-kek.p12";

    private final Path wildflyHome;
    private final Path ear;
    private final Path runDirectory;
    private final Settings settings;

    private LocalPostgres postgres;
    private Process wildfly;
    /** Set once Ctrl-C or a failure stops everything: WildFly ending then is no news. */
    private volatile boolean stopping;

    LocalServer(Path wildflyHome, Path ear, Path runDirectory, Settings settings) {
        this.wildflyHome = wildflyHome;
        this.ear = ear;
        this.runDirectory = runDirectory;
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalServer server = new LocalServer(
                Path.of(requiredProperty("tacit.wildfly.home")),
                Path.of(requiredProperty("tacit.ear")),
                Path.of(requiredProperty("tacit.run.dir")),
                Settings.ofThisProcess());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tacit-local-shutdown"));
        int exitCode = server.run();
        System.exit(exitCode);
    }

    /** Starts everything, waits until WildFly exits, and returns its exit code (1 if it could not start). */
    int run() throws InterruptedException {
        try {
            WildFlyPorts ports = WildFlyPorts.of(settings);
            ports.requireFree();
            Path baseDirectory = runDirectory.resolve("standalone");
            DatabaseSettings database = startDatabase();
            DatabaseCheck.State state = DatabaseCheck.inspect(database);
            requireKeystore(state, database, baseDirectory);
            prepareBaseDirectory(baseDirectory);
            ServerLog log = ServerLog.fromNowOn(baseDirectory.resolve("log/server.log"));
            wildfly = startWildFly(baseDirectory, ports, database);
            awaitDeployment(baseDirectory.resolve("deployments"), log);
            announceWhenReady(ports);
        } catch (StartupProblem problem) {
            if (!stopping) {
                log(problem.getMessage());
            }
            stop();
            return 1;
        }
        int exitCode = wildfly.waitFor();
        stop();
        return exitCode;
    }

    private DatabaseSettings startDatabase() {
        Optional<DatabaseSettings> configured = DatabaseSettings.configured(settings::get);
        if (configured.isPresent()) {
            log("Using the configured PostgreSQL " + configured.get());
            return configured.get();
        }
        Path directory = runDirectory.resolve("postgres");
        postgres = LocalPostgres.open(directory);
        log("Started PostgreSQL on port " + postgres.port() + " (data in " + postgres.dataDirectory() + ")");
        // A fresh password each run: it only has to reach this run's WildFly.
        byte[] password = new byte[16];
        new SecureRandom().nextBytes(password);
        return postgres.applicationDatabase(DATABASE, DATABASE_USER, HexFormat.of().formatHex(password));
    }

    /**
     * Keys already sealed in the database open only with the keystore they were sealed under: without it the
     * deployment would fail, so say so now. (Whether a keystore that exists is the right one, the server checks
     * when it deploys.)
     */
    private void requireKeystore(DatabaseCheck.State state, DatabaseSettings database, Path baseDirectory)
            throws StartupProblem {
        Optional<String> configured = settings.get("tacit.keystore.path");
        if (configured.isPresent()) {
            if (!Files.isReadable(Path.of(configured.get()))) {
                throw new StartupProblem("The key-encryption keystore " + configured.get() + " (tacit.keystore.path)"
                        + " does not exist or cannot be read.");
            }
            return;
        }
        Path development = baseDirectory.resolve(DEVELOPMENT_KEYSTORE);
        if (state.holdsSealedKeys() && !Files.exists(development)) {
            throw new StartupProblem("The database " + database + " holds Tacit's keys, sealed under a key-encryption"
                    + " key, but no keystore is configured (tacit.keystore.path) and the development keystore "
                    + development + " that a local run seals them with does not exist: it was deleted while the"
                    + " database kept its data. Restore that keystore, or configure the one the keys were sealed"
                    + " with, or start afresh (every account is lost): "
                    + (postgres != null ? "delete " + runDirectory
                            : "empty the database, as its owner: DROP SCHEMA " + DatabaseCheck.SCHEMA + " CASCADE;"));
        }
    }

    /**
     * The base directory with the build's configuration and EAR; {@code data/} and {@code log/} stay from the
     * last run.
     */
    private void prepareBaseDirectory(Path base) {
        Directories.delete(base.resolve("configuration"));
        Directories.copy(wildflyHome.resolve("standalone/configuration"), base.resolve("configuration"));
        Directories.delete(base.resolve("deployments"));
        try {
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(ear, base.resolve("deployments").resolve(EAR), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + base, e);
        }
    }

    private Process startWildFly(Path baseDirectory, WildFlyPorts ports, DatabaseSettings database) {
        List<String> command = new ArrayList<>();
        command.add(wildflyHome.resolve("bin/standalone.sh").toString());
        command.add("-Djboss.server.base.dir=" + baseDirectory);
        command.add("-Djboss.socket.binding.port-offset=" + ports.offset());
        if (settings.get("tacit.mode").isEmpty()) {
            // A local run: the server allows development settings, and logs that it does.
            command.add("-Dtacit.mode=development");
        }
        command.addAll(settings.serverSettingsAsArguments());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        // Secrets reach WildFly through its environment, never its command line; the database's settings too,
        // so that they are one set whichever of the operator's and the built-in database it is.
        environment.putAll(settings.secretsAsEnvironment());
        environment.putAll(database.asEnvironment());
        if (settings.get("tacit.public-origin").isEmpty()) {
            environment.put("TACIT_PUBLIC_ORIGIN", ports.localOrigin());
        }
        // standalone.sh then forwards SIGTERM/SIGINT to the server JVM instead of leaving it orphaned.
        environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start WildFly from " + wildflyHome, e);
        }
    }

    /**
     * Waits for the deployment scanner's verdict on tacit.ear: its {@code .deployed} or {@code .failed} marker.
     * On failure, says why with the first ERROR of this run's log.
     */
    private void awaitDeployment(Path deployments, ServerLog log) throws InterruptedException, StartupProblem {
        Path deployed = deployments.resolve(EAR + ".deployed");
        Path failed = deployments.resolve(EAR + ".failed");
        Instant deadline = Instant.now().plus(DEPLOYMENT_LIMIT);
        while (!Files.exists(deployed)) {
            if (Files.exists(failed) || !wildfly.isAlive()) {
                throw new StartupProblem(DEPLOYMENT_FAILED + ": " + describeFirstError(log)
                        + "\n[tacit] The whole log: " + log.file());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupProblem(DEPLOYMENT_FAILED + ": it was still deploying after "
                        + DEPLOYMENT_LIMIT.toMinutes() + " minutes. See " + log.file());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** The innermost cause first (the reason), then the message of the record WildFly logged it in. */
    private static String describeFirstError(ServerLog log) {
        return log.firstError()
                .map(error -> error.rootCause().map(cause -> cause + "\n[tacit] ").orElse("")
                        + "The server's first error: " + abbreviate(error.message()))
                .orElse("The server logged no error.");
    }

    private static String abbreviate(String message) {
        return message.length() <= 300 ? message : message.substring(0, 300) + " ...";
    }

    /** Once deployed, the readiness check (with the database check) decides; it is asked only now. */
    private void announceWhenReady(WildFlyPorts ports) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READINESS_LIMIT);
        String last = "no answer";
        while (wildfly.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ports.readiness()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log(READY + ": " + ports.api() + " (readiness: " + ports.readiness() + "; data in "
                            + runDirectory + "). Ctrl-C stops it.");
                    return;
                }
                last = response.body();
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(1000);
        }
        if (wildfly.isAlive()) {
            log("Tacit is deployed but not ready after " + READINESS_LIMIT.toSeconds() + " s: " + last);
        }
    }

    /** Stops WildFly (gracefully, then forcibly) and then PostgreSQL. Safe to call more than once. */
    synchronized void stop() {
        stopping = true;
        if (wildfly != null && wildfly.isAlive()) {
            log("Stopping WildFly");
            wildfly.destroy();
            try {
                if (!wildfly.waitFor(SHUTDOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    wildfly.descendants().forEach(ProcessHandle::destroyForcibly);
                    wildfly.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null && postgres.isRunning()) {
            log("Stopping PostgreSQL");
            postgres.stop();
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run with: mvn -Prun package");
        }
        return value;
    }

    private static void log(String message) {
        System.out.println("[tacit] " + message);
    }
}
