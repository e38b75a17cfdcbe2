package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /health/ready} follows the database: UP with the schema version, DOWN with a fixed reason (the
 * driver's goes to the log). Meanwhile the API keeps answering, with a 500 problem where it needs the database.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    private static final Duration STATE_CHANGE_LIMIT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void readyWhileTheDatabaseAnswersWithTheNewestMigration() throws Exception {
        JsonObject database = awaitDatabaseCheck("UP");

        assertEquals(newestAppliedMigration(), database.getJsonObject("data").getString("schemaVersion"));
    }

    @Test
    void notReadyWithoutTheDatabaseAndReadyAgainWhenItReturns() throws Exception {
        assumeTrue(TestDatabase.isOwnedBySuite(), "only the suite's own PostgreSQL may be stopped");
        RegisteredAccount account = TestAccounts.register("+14045550180");
        awaitDatabaseCheck("UP");
        long mark = ServerLog.end();

        TestDatabase.takeDown();
        try {
            JsonObject database = awaitDatabaseCheck("DOWN");
            String reason = database.getJsonObject("data").getString("reason");
            assertFalse(reason.contains("refused") || reason.contains("localhost") || reason.contains("postgres"),
                    "the driver's message is not told to whoever asks: " + reason);
            assertTrue(ServerLog.linesAfter(mark).stream().anyMatch(line -> line.contains("DatabaseReadinessCheck")
                    && line.contains("refused")), "the log names the cause");
            HttpResponse<String> api = TacitHttp.get(TacitHttp.API.resolve("server"));
            assertEquals(200, api.statusCode(), "the server itself keeps running: " + api.body());
            assertIncident(signedGet(account), "a signed request, checked against the database");
        } finally {
            TestDatabase.bringBack();
        }

        awaitDatabaseCheck("UP");
    }

    /** A 500 from the server's failure, as a problem document naming an incident (docs/protocol.md §4.1). */
    private static void assertIncident(HttpResponse<String> response, String what) {
        assertEquals(500, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        JsonObject problem = TacitHttp.json(response);
        assertEquals(500, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("incident"), problem.getString("detail"));
    }

    private static HttpResponse<String> signedGet(RegisteredAccount account) {
        URI target = TacitHttp.API.resolve("account");
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(), account.keys().identity()),
                Clock.systemUTC(), new SecureRandom())
                .sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0])).asMap().forEach(request::header);
        return TacitHttp.send(request);
    }

    private static String newestAppliedMigration() throws Exception {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM tacit.flyway_schema_history"
                     + " WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            assertTrue(row.next(), "the migrations ran");
            return row.getString(1);
        }
    }

    /** Polls readiness until the database check reports {@code status}; the HTTP status must agree. */
    private static JsonObject awaitDatabaseCheck(String status) {
        Instant deadline = Instant.now().plus(STATE_CHANGE_LIMIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = TacitHttp.get(TacitHttp.HEALTH.resolve("ready"));
            last = response.body();
            JsonObject database = databaseCheck(TacitHttp.json(response));
            if (database != null && status.equals(database.getString("status"))) {
                assertEquals(status.equals("UP") ? 200 : 503, response.statusCode(), last);
                return database;
            }
            sleep(Duration.ofMillis(250));
        }
        return fail("readiness did not report the database " + status + " within " + STATE_CHANGE_LIMIT + ": " + last);
    }

    private static JsonObject databaseCheck(JsonObject readiness) {
        for (JsonValue check : readiness.getJsonArray("checks")) {
            if ("database".equals(check.asJsonObject().getString("name"))) {
                return check.asJsonObject();
            }
        }
        return null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
