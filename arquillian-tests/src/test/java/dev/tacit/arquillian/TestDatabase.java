package dev.tacit.arquillian;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.tacit.crypto.token.Token;
import dev.tacit.local.DatabaseSettings;
import dev.tacit.local.LocalPostgres;
import dev.tacit.local.Settings;

/**
 * The suite's PostgreSQL, the one the server under test uses: the operator's if {@code TACIT_DB_HOST} (or
 * {@code -Dtacit.db.host}) is set, otherwise one the suite starts itself. Tests read and write it directly
 * to check what the server stored.
 */
public final class TestDatabase {

    private static DatabaseSettings settings;
    private static LocalPostgres localPostgres;

    private TestDatabase() {
    }

    static synchronized void start() {
        Optional<DatabaseSettings> configured = DatabaseSettings.configured(Settings.ofThisProcess()::get);
        if (configured.isPresent()) {
            settings = configured.get();
            return;
        }
        localPostgres = LocalPostgres.start(Path.of(System.getProperty("tacit.test.postgres.dir", "target/postgres")));
        // An ordinary role with the README's rights and a password of its own: the server must get both right.
        byte[] password = new byte[16];
        new SecureRandom().nextBytes(password);
        settings = localPostgres.applicationDatabase("tacit", "tacit", HexFormat.of().formatHex(password));
    }

    /**
     * The JVM arguments that point the server under test at this database: the password too for the suite's
     * own database (to check that {@code -Dtacit.db.password} reaches the datasource); an operator's password
     * reaches WildFly through the environment it inherits, never a command line.
     */
    static synchronized String serverArguments() {
        List<String> arguments = new ArrayList<>(settings().asSystemPropertyArguments());
        if (localPostgres != null) {
            arguments.add(settings.passwordArgument());
        }
        return String.join(" ", arguments);
    }

    static synchronized void stop() {
        if (localPostgres != null) {
            localPostgres.close();
            localPostgres = null;
        }
    }

    public static synchronized DatabaseSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("the test database starts with the Arquillian suite");
        }
        return settings;
    }

    /** A new connection as the server's database user; the caller closes it. */
    public static Connection connect() throws SQLException {
        DatabaseSettings database = settings();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** A column of the account row of {@code number}, if the account exists ({@code column} is trusted code). */
    public static Optional<byte[]> accountBytes(String number, String column) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + column + " FROM tacit.account WHERE number = ?")) {
            query.setString(1, number);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** How many tokens the account of {@code number} has been issued, if it exists. */
    public static Optional<Integer> tokensIssued(String number) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT tokens_issued FROM tacit.account WHERE number = ?")) {
            query.setString(1, number);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    /** Whether the server has recorded {@code token} as spent on a look-up (docs/protocol.md §4.11). */
    public static boolean isSpent(Token token) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT 1 FROM tacit.spent_token WHERE key_id = ? AND nonce = ?")) {
            query.setBytes(1, token.keyId().encode());
            query.setBytes(2, token.nonce());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The state the server holds for a first-contact token (docs/protocol.md §4.19), if it was ever spent on one. */
    public static Optional<String> firstContactTokenState(Token token) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state FROM tacit.first_contact_token WHERE key_id = ? AND nonce = ?")) {
            query.setBytes(1, token.keyId().encode());
            query.setBytes(2, token.nonce());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** How many messages wait in {@code number}'s mailbox, expired or not (docs/protocol.md §4.13). */
    public static int mailboxSize(String number) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit.message WHERE recipient = ?")) {
            query.setString(1, number);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** How many group-signed replies the server has accepted and still remembers (docs/protocol.md §4.12). */
    public static int replySignatures() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tacit.reply_signature");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A stored rotating key: its id, public part (an issuer key or a CA certificate) and signing period. */
    public record RotatingKey(byte[] keyId, byte[] publicPart, Instant signsFrom, Instant signsUntil) {
    }

    /** The stored key of {@code purpose} that signs at {@code instant}: the newest whose period contains it. */
    public static RotatingKey signingKey(String purpose, Instant instant) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT key_id, public_part, signs_from, signs_until FROM tacit.rotating_key
                     WHERE purpose = ? AND signs_from <= ? AND signs_until > ?
                     ORDER BY signs_from DESC LIMIT 1""")) {
            query.setString(1, purpose);
            query.setTimestamp(2, Timestamp.from(instant));
            query.setTimestamp(3, Timestamp.from(instant));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no " + purpose + " key signs at " + instant);
                }
                return new RotatingKey(row.getBytes(1), row.getBytes(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant());
            }
        }
    }

    /** Whether the suite runs its own PostgreSQL, which tests may then stop and restart. */
    public static synchronized boolean isOwnedBySuite() {
        return localPostgres != null;
    }

    /** Takes the database away from the running server (keeping its data). */
    public static synchronized void takeDown() {
        requireOwned().stop();
    }

    /** Brings the database back on the same port with the same data. */
    public static synchronized void bringBack() {
        requireOwned().restart();
    }

    private static LocalPostgres requireOwned() {
        if (localPostgres == null) {
            throw new IllegalStateException("the database is the operator's; the suite cannot stop it");
        }
        return localPostgres;
    }
}
