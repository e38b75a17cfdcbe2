package dev.tacit.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tacit.arquillian.BatchJobs;
import dev.tacit.arquillian.BatchJobs.Execution;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.it.BatchJobsIT.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The jobs expire-discovery-tokens and purge-expired-records on the real server: each deletes what no check needs
 * any more and nothing else. Rows are written straight into the suite's PostgreSQL, some just expired and some not
 * yet, and counted there before and after; each step's metrics count the expired ones. Each test first runs its job
 * once, so rows other tests left expired do not count in its figures.
 */
@ExtendWith(ArquillianExtension.class)
class PurgeJobsIT {

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void removeWhatIsLeft() {
        cleanUp.forEach(Runnable::run);
    }

    @Test
    void spentTokensOfARetiredDiscoveryWindowGoAndThoseOfTheCurrentOneStay() throws SQLException {
        assertEquals("COMPLETED", BatchJobs.run("expire-discovery-tokens", Map.of()).status());
        Instant now = ServerClock.instant();
        byte[] retired = rotatingKey(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)));
        byte[] current = rotatingKey(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        spendTokens(retired, 300);
        spendTokens(current, 200);

        Execution execution = BatchJobs.run("expire-discovery-tokens", Map.of());

        assertEquals("COMPLETED", execution.status());
        assertEquals(300, execution.step("delete-spent-tokens-of-retired-windows").read());
        assertEquals(300, execution.step("delete-spent-tokens-of-retired-windows").written());
        assertEquals(0, count("spent_token", "key_id", retired));
        assertEquals(200, count("spent_token", "key_id", current));
    }

    @Test
    void eachPurgeDeletesOnlyWhatExpired() throws SQLException {
        assertEquals("COMPLETED", BatchJobs.run("purge-expired-records", Map.of()).status());
        Instant now = ServerClock.instant();
        Instant expired = now.minus(Duration.ofMinutes(1));
        Instant live = now.plus(Duration.ofHours(1));
        String recipient = account();
        List<Kind> kinds = List.of(
                new Kind("delete-undelivered-messages", "message", "id", 16,
                        "INSERT INTO tacit.message (id, recipient, received_at, expires_at, envelope)"
                                + " VALUES (?, '" + recipient + "', now(), ?, '\\x00')"),
                new Kind("delete-stale-reply-signatures", "reply_signature", "digest", 32,
                        "INSERT INTO tacit.reply_signature (digest, expires_at) VALUES (?, ?)"),
                new Kind("delete-expired-verification-tokens", "used_verification", "nonce", 32,
                        "INSERT INTO tacit.used_verification (nonce, expires_at) VALUES (?, ?)"),
                new Kind("delete-retired-first-contact-tokens", "first_contact_token", "nonce", 32,
                        "INSERT INTO tacit.first_contact_token (key_id, nonce, state, key_verifies_until)"
                                + " VALUES ('\\x" + "00".repeat(32) + "', ?, 'released', ?)"),
                new Kind("delete-stale-request-nonces", "request_nonce", "pair_digest", 32,
                        "INSERT INTO tacit.request_nonce (pair_digest, expires_at) VALUES (?, ?)"),
                new Kind("delete-ended-abuse-counters", "abuse_counter", "subject", 32,
                        "INSERT INTO tacit.abuse_counter (subject, window_start, used, expires_at)"
                                + " VALUES (?, now() - interval '1 day', 1, ?)"));
        for (Kind kind : kinds) {
            kind.insert(3, expired);
            kind.insert(2, live);
            assertEquals(5, kind.count(), kind.table + " before");
        }

        Execution execution = BatchJobs.run("purge-expired-records", Map.of());

        assertEquals("COMPLETED", execution.status());
        assertEquals(kinds.size(), execution.steps().size(), "a step per kind: " + execution.steps());
        for (Kind kind : kinds) {
            assertEquals(3, execution.step(kind.step).read(), kind.step);
            assertEquals(3, execution.step(kind.step).written(), kind.step);
            assertEquals(2, kind.count(), kind.table + " after: the live ones");
            kind.deleteOwn();
        }
    }

    /** One kind of record: its step, its table, and rows of this test's own in it. */
    private final class Kind {

        final String step;
        final String table;
        final String keyColumn;
        final int keyLength;
        final String insert;
        final List<byte[]> keys = new ArrayList<>();

        Kind(String step, String table, String keyColumn, int keyLength, String insert) {
            this.step = step;
            this.table = table;
            this.keyColumn = keyColumn;
            this.keyLength = keyLength;
            this.insert = insert;
        }

        void insert(int rows, Instant expiresAt) throws SQLException {
            try (Connection connection = TestDatabase.connect();
                 PreparedStatement statement = connection.prepareStatement(insert)) {
                for (int i = 0; i < rows; i++) {
                    byte[] key = random(keyLength);
                    keys.add(key);
                    statement.setBytes(1, key);
                    statement.setTimestamp(2, Timestamp.from(expiresAt));
                    statement.executeUpdate();
                }
            }
        }

        long count() throws SQLException {
            long found = 0;
            for (byte[] key : keys) {
                found += PurgeJobsIT.count(table, keyColumn, key);
            }
            return found;
        }

        void deleteOwn() throws SQLException {
            try (Connection connection = TestDatabase.connect();
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM tacit." + table + " WHERE " + keyColumn + " = ?")) {
                for (byte[] key : keys) {
                    delete.setBytes(1, key);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** An account row of a fresh number, to receive messages; deleted (with its messages) after the test. */
    private String account() throws SQLException {
        String number = TestNumbers.freshPrefix().next();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO tacit.account (number, identity_key, certificate, envelope_key, pre_key,
                                                group_public_key, registered_at, updated_at, last_active_at)
                     VALUES (?, ?, '\\x00', '\\x00', '\\x00', '\\x00', now(), now(), now())""")) {
            insert.setString(1, number);
            insert.setBytes(2, random(32));
            insert.executeUpdate();
        }
        cleanUp.add(() -> execute("DELETE FROM tacit.account WHERE number = ?", number));
        return number;
    }

    /** A rotating key of a purpose no server code uses, accepted until {@code verifiesUntil}; deleted after the test. */
    private byte[] rotatingKey(Instant signsFrom, Instant verifiesUntil) throws SQLException {
        byte[] keyId = random(32);
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO tacit.rotating_key (key_id, purpose, public_part, sealed_private_part, created_at,
                                                     signs_from, signs_until, verifies_until)
                     VALUES (?, 'purge-jobs-it', '\\x00', '\\x00', ?, ?, ?, ?)""")) {
            insert.setBytes(1, keyId);
            insert.setTimestamp(2, Timestamp.from(signsFrom));
            insert.setTimestamp(3, Timestamp.from(signsFrom));
            insert.setTimestamp(4, Timestamp.from(signsFrom.plusSeconds(60)));
            insert.setTimestamp(5, Timestamp.from(verifiesUntil));
            insert.executeUpdate();
        }
        cleanUp.add(() -> execute("DELETE FROM tacit.spent_token WHERE key_id = ?", keyId));
        cleanUp.add(() -> execute("DELETE FROM tacit.rotating_key WHERE key_id = ?", keyId));
        return keyId;
    }

    private static void spendTokens(byte[] keyId, int count) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO tacit.spent_token (key_id, nonce)
                     SELECT ?, sha256(int4send(i)) FROM generate_series(1, ?) AS i""")) {
            insert.setBytes(1, keyId);
            insert.setInt(2, count);
            assertEquals(count, insert.executeUpdate());
        }
    }

    private static long count(String table, String column, byte[] value) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit." + table + " WHERE " + column + " = ?")) {
            query.setBytes(1, value);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(String sql, Object parameter) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean up: " + sql, e);
        }
    }
}
