package dev.tacit.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PostgreSQL connection settings an operator gives the server ({@code tacit.db.*}, read by the launcher's
 * {@code Settings}). When no host is configured, the local run and the tests start a {@link LocalPostgres}
 * instead.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    /**
     * The settings of an operator-provided database, or empty when none is configured; {@code setting} gives
     * the value of a setting by its name ({@code tacit.db.host}), if it is set.
     */
    public static Optional<DatabaseSettings> configured(Function<String, Optional<String>> setting) {
        return setting.apply("tacit.db.host").map(host -> new DatabaseSettings(
                host,
                Integer.parseInt(setting.apply("tacit.db.port").orElse("5432")),
                setting.apply("tacit.db.name").orElse("tacit"),
                setting.apply("tacit.db.user").orElse("tacit"),
                setting.apply("tacit.db.password").orElse("tacit")));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The {@code -Dtacit.db.*} arguments that point a WildFly at this database. The password is left out: a
     * command line is visible to every local user; see {@link #passwordArgument()} and {@link #asEnvironment()}.
     */
    public List<String> asSystemPropertyArguments() {
        return List.of(
                "-Dtacit.db.host=" + host,
                "-Dtacit.db.port=" + port,
                "-Dtacit.db.name=" + database,
                "-Dtacit.db.user=" + user);
    }

    /** The password as a {@code -D} argument, for a test database only: the command line shows it. */
    public String passwordArgument() {
        return "-Dtacit.db.password=" + password;
    }

    /** All settings, password included, as the environment variables the server's datasource reads. */
    public Map<String, String> asEnvironment() {
        return Map.of(
                "TACIT_DB_HOST", host,
                "TACIT_DB_PORT", Integer.toString(port),
                "TACIT_DB_NAME", database,
                "TACIT_DB_USER", user,
                "TACIT_DB_PASSWORD", password);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database; // no password
    }
}
