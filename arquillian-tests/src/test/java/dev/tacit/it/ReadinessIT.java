package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code /health/ready} follows the database: UP with the schema version, DOWN with the driver's reason. */
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
    void notReadyWithoutTheDatabaseAndReadyAgainWhenItReturns() {
        assumeTrue(TestDatabase.isOwnedBySuite(), "only the suite's own PostgreSQL may be stopped");
        awaitDatabaseCheck("UP");

        TestDatabase.takeDown();
        try {
            JsonObject database = awaitDatabaseCheck("DOWN");
            String reason = database.getJsonObject("data").getString("reason");
            assertTrue(reason.contains("refused"), "the reason names the cause: " + reason);
            HttpResponse<String> api = TacitHttp.get(TacitHttp.API.resolve("server"));
            assertEquals(200, api.statusCode(), "the server itself keeps running: " + api.body());
        } finally {
            TestDatabase.bringBack();
        }

        awaitDatabaseCheck("UP");
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
