package dev.tacit.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What the launcher checks of the database before it starts WildFly: that it answers, that the user has the
 * rights the README names, and whether it already holds Tacit's sealed keys (which then need the keystore
 * they were sealed under).
 */
final class DatabaseCheck {

    /** Tacit's schema; every table, the batch job repository's included, lives in it. */
    static final String SCHEMA = "tacit";

    private DatabaseCheck() {
    }

    /** What the database holds. */
    record State(boolean holdsSealedKeys) {
    }

    static State inspect(DatabaseSettings database) throws StartupProblem {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            requireRights(connection, database);
            return new State(holdsSealedKeys(connection));
        } catch (SQLException e) {
            throw new StartupProblem("Cannot use the PostgreSQL database " + database + ": " + e.getMessage()
                    + " Check that it runs and the settings tacit.db.host, .port, .name, .user and .password"
                    + " (TACIT_DB_HOST, ...) are right.");
        }
    }

    /**
     * The README's rights: on a database without the schema, CREATE on the database (to create it); once it
     * exists, USAGE and CREATE on it. No right on the schema public is needed.
     */
    private static void requireRights(Connection connection, DatabaseSettings database) throws SQLException,
            StartupProblem {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT pg_get_userbyid(nspowner), has_schema_privilege(oid, 'USAGE'), has_schema_privilege(oid, 'CREATE')
                FROM pg_namespace WHERE nspname = ?""")) {
            query.setString(1, SCHEMA);
            try (ResultSet schema = query.executeQuery()) {
                if (schema.next()) {
                    if (!schema.getBoolean(2) || !schema.getBoolean(3)) {
                        throw new StartupProblem("The user " + database.user() + " may not use the schema " + SCHEMA
                                + " of database " + database.database() + ", which belongs to " + schema.getString(1)
                                + ". As its owner or a superuser, run: ALTER SCHEMA " + SCHEMA + " OWNER TO "
                                + database.user() + ";");
                    }
                    return;
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT has_database_privilege(current_database(), 'CREATE')");
             ResultSet right = query.executeQuery()) {
            right.next();
            if (!right.getBoolean(1)) {
                throw new StartupProblem("The user " + database.user() + " may not create the schema " + SCHEMA
                        + " in database " + database.database() + ". As the database's owner or a superuser, run:"
                        + " GRANT CREATE ON DATABASE " + database.database() + " TO " + database.user() + ";"
                        + " (or create the schema for it: CREATE SCHEMA " + SCHEMA + " AUTHORIZATION "
                        + database.user() + ";)");
            }
        }
    }

    /** Whether the schema holds keys sealed under a key-encryption key (from any earlier start). */
    private static boolean holdsSealedKeys(Connection connection) throws SQLException {
        for (String table : new String[] {"rotating_key", "server_secret"}) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, SCHEMA + "." + table);
                try (ResultSet result = exists.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        continue;
                    }
                }
            }
            try (PreparedStatement rows = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + SCHEMA + "." + table + ")");
                 ResultSet result = rows.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
