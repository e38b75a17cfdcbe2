package dev.tacit.it;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import dev.tacit.arquillian.BatchJobs;
import dev.tacit.arquillian.BatchJobs.Execution;
import dev.tacit.arquillian.BatchJobs.Step;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestDatabase;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job process-delayed-releases on the real server: it frees exactly the releases that are due, once, however
 * it is run: twice, after a failure and a restart, or twice at once. Rows are written straight into the suite's
 * PostgreSQL (SQL, not ten thousand sends), under an issuer key id of the test's own, and counted there; what an
 * execution did is its step's metrics. Each test first runs the job once, so releases other tests left due do not
 * count in its figures.
 */
@ExtendWith(ArquillianExtension.class)
class BatchJobsIT {

    static final String RELEASES = "process-delayed-releases";
    static final String RELEASE_STEP = "release-due-tokens";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyId = random(32);

    @BeforeEach
    void nothingElseIsDue() {
        assertEquals("COMPLETED", BatchJobs.run(RELEASES, Map.of()).status());
    }

    @Test
    void ofTenThousandScheduledReleasesExactlyTheDueHalfIsFreedAndASecondRunFreesNothing() throws SQLException {
        Instant now = ServerClock.instant();
        scheduleReleases(5_000, now.minus(Duration.ofHours(2)));
        scheduleReleases(5_000, now.plus(Duration.ofHours(1)));

        Execution first = BatchJobs.run(RELEASES, Map.of());

        Step step = first.step(RELEASE_STEP);
        assertEquals("COMPLETED", first.status());
        assertEquals(5_000, step.read());
        assertEquals(5_000, step.written());
        assertEquals(0, step.skipped());
        assertEquals(5_000, count("state = 'released'"));
        assertEquals(5_000, count("state = 'releasing' AND release_due_at > now()"), "the half not yet due is left");
        System.out.printf("process-delayed-releases: %d due releases in %d ms, %.0f per second (chunks of 500)%n",
                step.written(), step.took().toMillis(), step.written() * 1000.0 / Math.max(1, step.took().toMillis()));

        Execution second = BatchJobs.run(RELEASES, Map.of());

        assertEquals("COMPLETED", second.status());
        assertEquals(0, second.step(RELEASE_STEP).read());
        assertEquals(0, second.step(RELEASE_STEP).written());
        assertEquals(5_000, count("state = 'released'"));
        assertEquals(5_000, count("state = 'releasing'"));
    }

    /**
     * A real failure: a trigger in the database refuses to release one token of the second chunk, so the first
     * chunk commits, the second rolls back and the execution fails. Without the trigger, the restart releases
     * what is left, and no token is released twice (the two executions' counts add up to the due releases).
     */
    @Test
    void anExecutionThatFailedAfterItsFirstChunkIsRestartedAndReleasesEveryDueTokenOnce() throws SQLException {
        scheduleReleases(1_000, ServerClock.instant().minus(Duration.ofHours(2)));
        Map<String, String> chunksOf100 = Map.of("chunkSize", "100");
        long failed;
        injectFailureAt(150);
        try {
            failed = BatchJobs.start(RELEASES, chunksOf100);
            Execution failure = BatchJobs.awaitEnd(failed);

            assertEquals("FAILED", failure.status());
            assertEquals(100, failure.step(RELEASE_STEP).written(), "the first chunk");
            assertEquals(100, count("state = 'released'"), "the first chunk committed, the second rolled back");
        } finally {
            removeFailure();
        }

        Execution restart = BatchJobs.awaitEnd(BatchJobs.restart(failed, chunksOf100));

        assertEquals("COMPLETED", restart.status());
        assertEquals(900, restart.step(RELEASE_STEP).written());
        assertEquals(1_000, count("state = 'released'"));
    }

    @Test
    void twoExecutionsAtOnceReleaseDisjointTokensAndTogetherAll() throws SQLException {
        scheduleReleases(4_000, ServerClock.instant().minus(Duration.ofHours(2)));
        Map<String, String> chunksOf20 = Map.of("chunkSize", "20");

        long one = BatchJobs.start(RELEASES, chunksOf20);
        long other = BatchJobs.start(RELEASES, chunksOf20);
        Execution first = BatchJobs.awaitEnd(one);
        Execution second = BatchJobs.awaitEnd(other);

        assertEquals("COMPLETED", first.status());
        assertEquals("COMPLETED", second.status());
        long byFirst = first.step(RELEASE_STEP).written();
        long bySecond = second.step(RELEASE_STEP).written();
        assertEquals(4_000, byFirst + bySecond, "each due release by one execution: " + byFirst + " + " + bySecond);
        assertTrue(byFirst > 0 && bySecond > 0, "both executions released some: " + byFirst + " + " + bySecond);
        assertEquals(4_000, count("state = 'released'"));
    }

    /**
     * The schedule: the job's timer starts it through the JobOperator, and the job reads the server's clock, so
     * releases fall due when the clock passes their time, and not before.
     */
    @Test
    void theScheduleExecutesReleasesOnceTheServersClockPassesTheirTime() throws SQLException {
        scheduleReleases(10, ServerClock.instant().plus(Duration.ofHours(2)));
        try {
            ServerClock.advance(Duration.ofHours(1));

            assertEquals(0, count("state = 'released'"), "not due yet");

            ServerClock.advance(Duration.ofHours(2));

            assertEquals(10, count("state = 'released'"));
        } finally {
            ServerClock.reset();
        }
    }

    /** {@code count} releases of this test's key, due a second apart from {@code firstDue} on. */
    private void scheduleReleases(int count, Instant firstDue) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO tacit.first_contact_token (key_id, nonce, state, release_due_at, key_verifies_until)
                     SELECT ?, sha256(int4send(i) || ?), 'releasing', CAST(? AS timestamptz) + make_interval(secs => i - 1), ?
                     FROM generate_series(1, ?) AS i""")) {
            insert.setBytes(1, keyId);
            insert.setBytes(2, random(16)); // nonces of their own for each call
            insert.setTimestamp(3, Timestamp.from(firstDue));
            insert.setTimestamp(4, Timestamp.from(firstDue.plus(Duration.ofDays(365))));
            insert.setInt(5, count);
            assertEquals(count, insert.executeUpdate());
        }
    }

    private long count(String condition) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit.first_contact_token WHERE key_id = ? AND " + condition)) {
            query.setBytes(1, keyId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Makes releasing this test's {@code n}th due token (in due order) fail in the database. */
    private void injectFailureAt(int n) throws SQLException {
        byte[] nonce;
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT nonce FROM tacit.first_contact_token WHERE key_id = ?
                     ORDER BY release_due_at OFFSET ? LIMIT 1""")) {
            query.setBytes(1, keyId);
            query.setInt(2, n - 1);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                nonce = row.getBytes(1);
            }
        }
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION tacit.batch_jobs_it_failure() RETURNS trigger LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'failure injected by BatchJobsIT'; END $$""");
            statement.execute("CREATE TRIGGER batch_jobs_it_failure BEFORE UPDATE ON tacit.first_contact_token"
                    + " FOR EACH ROW WHEN (OLD.nonce = '\\x" + HexFormat.of().formatHex(nonce) + "'::bytea"
                    + " AND NEW.state = 'released') EXECUTE FUNCTION tacit.batch_jobs_it_failure()");
        }
    }

    private static void removeFailure() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS batch_jobs_it_failure ON tacit.first_contact_token");
            statement.execute("DROP FUNCTION IF EXISTS tacit.batch_jobs_it_failure()");
        }
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
