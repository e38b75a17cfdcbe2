package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Tacit locally: PostgreSQL (unless one is configured), then the build's WildFly with tacit.ear, until
 * Ctrl-C or SIGTERM, after which it stops both. Started by {@code mvn -Prun package}.
 *
 * <p>The server runs from its own base directory under {@code target/local-run}, a fresh copy of the
 * provisioned configuration, so a local run never leaves deployments or state behind for the tests.
 */
public final class LocalServer {

    private static final URI READINESS = URI.create("http://localhost:9990/health/ready");
    private static final URI API = URI.create("http://localhost:8080/v1/server");
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);

    private final Path wildflyHome;
    private final Path ear;
    private final Path runDirectory;

    private LocalPostgres postgres;
    private Process wildfly;

    LocalServer(Path wildflyHome, Path ear, Path runDirectory) {
        this.wildflyHome = wildflyHome;
        this.ear = ear;
        this.runDirectory = runDirectory;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalServer server = new LocalServer(
                Path.of(requiredProperty("tacit.wildfly.home")),
                Path.of(requiredProperty("tacit.ear")),
                Path.of(requiredProperty("tacit.run.dir")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tacit-local-shutdown"));
        int exitCode = server.run();
        System.exit(exitCode);
    }

    /** Starts everything, waits until WildFly exits, and returns its exit code. */
    int run() throws InterruptedException {
        DatabaseSettings database = startDatabase();
        Path baseDirectory = prepareBaseDirectory();
        wildfly = startWildFly(baseDirectory, database);
        announceWhenReady();
        int exitCode = wildfly.waitFor();
        stop();
        return exitCode;
    }

    private DatabaseSettings startDatabase() {
        Optional<DatabaseSettings> configured = DatabaseSettings.configured(System.getenv());
        if (configured.isPresent()) {
            log("Using the configured PostgreSQL " + configured.get());
            return configured.get();
        }
        postgres = LocalPostgres.start(runDirectory.resolve("postgres"));
        log("Started PostgreSQL on port " + postgres.port() + " (data in " + runDirectory.resolve("postgres") + ")");
        return DatabaseSettings.of(postgres);
    }

    /** A fresh {@code standalone} directory: the provisioned configuration plus tacit.ear to deploy. */
    private Path prepareBaseDirectory() {
        Path base = runDirectory.resolve("standalone");
        Directories.delete(base);
        Directories.copy(wildflyHome.resolve("standalone/configuration"), base.resolve("configuration"));
        try {
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(ear, base.resolve("deployments/tacit.ear"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + base, e);
        }
        return base;
    }

    private Process startWildFly(Path baseDirectory, DatabaseSettings database) {
        List<String> command = new ArrayList<>();
        command.add(wildflyHome.resolve("bin/standalone.sh").toString());
        command.add("-Djboss.server.base.dir=" + baseDirectory);
        command.add("-Dtacit.mode=development"); // the server allows development settings, and logs that it does
        command.addAll(database.asSystemPropertyArguments());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // standalone.sh then forwards SIGTERM/SIGINT to the server JVM instead of leaving it orphaned.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start WildFly from " + wildflyHome, e);
        }
    }

    private void announceWhenReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (wildfly.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(READINESS).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log("Tacit is ready: " + API + " (readiness: " + READINESS + "). Ctrl-C stops it.");
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(1000);
        }
        if (wildfly.isAlive()) {
            log("Tacit is not ready after " + STARTUP_LIMIT.toMinutes() + " minutes; see " + READINESS);
        }
    }

    /** Stops WildFly (gracefully, then forcibly) and then PostgreSQL. Safe to call more than once. */
    synchronized void stop() {
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
