package dev.tacit.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL connection settings an operator gives the server, read the way the server's datasource
 * reads them: system property {@code tacit.db.x} first, then environment variable {@code TACIT_DB_X}.
 * When no host is configured, the local run and the tests start a {@link LocalPostgres} instead.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    /** The settings of an operator-provided database, or empty when none is configured. */
    public static Optional<DatabaseSettings> configured(Map<String, String> environment) {
        return configured(System.getProperties(), environment);
    }

    /** {@link #configured(Map)} with the given system properties. */
    static Optional<DatabaseSettings> configured(Properties systemProperties, Map<String, String> environment) {
        return lookup("host", systemProperties, environment).map(host -> new DatabaseSettings(
                host,
                Integer.parseInt(lookup("port", systemProperties, environment).orElse("5432")),
                lookup("name", systemProperties, environment).orElse("tacit"),
                lookup("user", systemProperties, environment).orElse("tacit"),
                lookup("password", systemProperties, environment).orElse("tacit")));
    }

    /** Settings for a {@link LocalPostgres}. */
    public static DatabaseSettings of(LocalPostgres postgres) {
        return new DatabaseSettings("localhost", postgres.port(), LocalPostgres.DATABASE, LocalPostgres.USER, "");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The {@code -Dtacit.db.*} arguments that point a WildFly at this database. A password, if any, is left
     * out: a command line is visible to every local user; pass it in {@code TACIT_DB_PASSWORD} instead.
     */
    public List<String> asSystemPropertyArguments() {
        return List.of(
                "-Dtacit.db.host=" + host,
                "-Dtacit.db.port=" + port,
                "-Dtacit.db.name=" + database,
                "-Dtacit.db.user=" + user);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + user + "@" + host + ":" + port + "/" + database + "]"; // no password
    }

    private static Optional<String> lookup(String name, Properties systemProperties, Map<String, String> environment) {
        String value = systemProperties.getProperty("tacit.db." + name);
        if (value == null || value.isBlank()) {
            value = environment.get("TACIT_DB_" + name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
