package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the local run and the integration tests, from the embedded binaries on Maven
 * Central: no installed PostgreSQL needed. Its files live under one directory; it listens on loopback on a
 * free port. It can be stopped and started again on the same port with its data intact, which the tests use
 * to take the database away from a running server, and opened again later from the same directory.
 *
 * <p>The server connects as an ordinary role with only the rights the README asks of an operator's database
 * (see {@link #applicationDatabase}), never as the superuser, so that every run checks those rights suffice.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser the embedded server is created with (trust authentication on loopback). */
    public static final String SUPERUSER = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Loopback connections: the superuser as initdb set it up, everyone else with a password. */
    private static final String CLIENT_AUTHENTICATION = """
            # Written by dev.tacit.local.LocalPostgres: the superuser is trusted on loopback (for the build's own
            # administration), every other role signs in with its password.
            local all %1$s trust
            host  all %1$s 127.0.0.1/32 trust
            host  all %1$s ::1/128 trust
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """.formatted(SUPERUSER);

    private final Path directory;
    private EmbeddedPostgres server;
    private int port;

    private LocalPostgres(Path directory) {
        this.directory = directory;
    }

    /** Starts a new, empty server whose files live under {@code directory} (emptied first). */
    public static LocalPostgres start(Path directory) {
        Directories.delete(directory);
        return open(directory);
    }

    /** Starts the server whose files live under {@code directory}, with its data; a new one if there is none. */
    public static LocalPostgres open(Path directory) {
        LocalPostgres postgres = new LocalPostgres(directory);
        postgres.startServer(0);
        return postgres;
    }

    public int port() {
        return port;
    }

    /** Where the server keeps its data. */
    public Path dataDirectory() {
        return directory.resolve("data");
    }

    /**
     * Makes sure database {@code database} and login role {@code user} exist, with the rights an operator
     * grants Tacit (README, "Using your own PostgreSQL"): the database belongs to the superuser and the role
     * may only connect to it and create schemas in it, no right on the schema {@code public}. The role's
     * password is set to {@code password} (each run may choose a new one), and only password sign-in is
     * allowed for it.
     *
     * @return the settings a server uses to connect as that role
     */
    public DatabaseSettings applicationDatabase(String database, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(SUPERUSER), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            String role = quoteIdentifier(user);
            statement.execute((exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)
                    ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + quoteLiteral(password));
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(database));
            }
            statement.execute("REVOKE ALL ON DATABASE " + quoteIdentifier(database) + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, CREATE ON DATABASE " + quoteIdentifier(database) + " TO " + role);
            Files.writeString(dataDirectory().resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up database " + database + " on the local PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local PostgreSQL's client authentication", e);
        }
        return new DatabaseSettings("localhost", port, database, user, password);
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

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private synchronized void startServer(int requestedPort) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false) // stop() keeps the data for restart(), open() for the next run
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost");
            if (requestedPort != 0) {
                builder.setPort(requestedPort);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL under " + directory + " (if a previous run"
                    + " was killed, its PostgreSQL may still hold " + dataDirectory().resolve("postmaster.pid") + ")", e);
        }
    }
}
