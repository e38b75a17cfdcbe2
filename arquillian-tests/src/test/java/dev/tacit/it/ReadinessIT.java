package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /health/ready} follows the database: UP with the schema version, DOWN with a fixed reason (the
 * driver's goes to the log). It asks the database on every call, so the answer right after the database stops
 * or returns already tells. Meanwhile the API keeps answering (where it needs the database, with the 500
 * problem ServerFailureIT checks).
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    @Test
    void readyWhileTheDatabaseAnswersWithTheNewestMigration() throws Exception {
        JsonObject database = databaseCheck("UP");

        assertEquals(newestAppliedMigration(), database.getJsonObject("data").getString("schemaVersion"));
    }

    @Test
    void notReadyWithoutTheDatabaseAndReadyAgainWhenItReturns() {
        assumeTrue(TestDatabase.isOwnedBySuite(), "only the suite's own PostgreSQL may be stopped");
        databaseCheck("UP");
        long mark = ServerLog.end();

        TestDatabase.takeDown();
        try {
            JsonObject database = databaseCheck("DOWN");
            String reason = database.getJsonObject("data").getString("reason");
            assertFalse(reason.contains("refused") || reason.contains("localhost") || reason.contains("postgres"),
                    "the driver's message is not told to whoever asks: " + reason);
            assertTrue(ServerLog.linesAfter(mark).stream().anyMatch(line -> line.contains("DatabaseReadinessCheck")
                    && line.contains("refused")), "the log names the cause");
            HttpResponse<String> api = TacitHttp.get(TacitHttp.API.resolve("server"));
            assertEquals(200, api.statusCode(), "the server itself keeps running: " + api.body());
        } finally {
            TestDatabase.bringBack();
        }

        databaseCheck("UP");
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

    /** Asks readiness once: the database check must report {@code status}, and the HTTP status agree. */
    private static JsonObject databaseCheck(String status) {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.HEALTH.resolve("ready"));
        for (JsonValue check : TacitHttp.json(response).getJsonArray("checks")) {
            JsonObject database = check.asJsonObject();
            if ("database".equals(database.getString("name"))) {
                assertEquals(status, database.getString("status"), response.body());
                assertEquals(status.equals("UP") ? 200 : 503, response.statusCode(), response.body());
                return database;
            }
        }
        return fail("readiness has no database check: " + response.body());
    }
}
