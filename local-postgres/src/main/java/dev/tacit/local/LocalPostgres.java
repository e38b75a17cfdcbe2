package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the local run and the integration tests, from the embedded binaries on Maven
 * Central: no installed PostgreSQL needed. Its files live under one directory of the build's {@code target/};
 * it listens on loopback on a free port. It can be stopped and started again on the same port with its data
 * intact, which the tests use to take the database away from a running server.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser and database the embedded server is created with (trust authentication on loopback). */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path directory;
    private EmbeddedPostgres server;
    private int port;

    private LocalPostgres(Path directory) {
        this.directory = directory;
    }

    /** Starts a new, empty server whose files live under {@code directory} (emptied first). */
    public static LocalPostgres start(Path directory) {
        Directories.delete(directory);
        LocalPostgres postgres = new LocalPostgres(directory);
        postgres.startServer(0);
        return postgres;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the server and keeps its data, so {@link #restart()} brings the same database back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    /** Starts the stopped server again, on the same port, with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer(int requestedPort) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false) // stop() keeps the data for restart()
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost");
            if (requestedPort != 0) {
                builder.setPort(requestedPort);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL under " + directory, e);
        }
    }
}
