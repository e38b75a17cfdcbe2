package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP → JAX-RS → EJB → JPA → PostgreSQL and back, in the real EAR. */
@ExtendWith(ArquillianExtension.class)
class ServerDescriptionIT {

    @Test
    void describesTheInstallationStoredInPostgres() throws Exception {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("server"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject description = TacitHttp.json(response);
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT instance_id, created_at FROM tacit.server_instance")) {
            assertTrue(row.next(), "the server stores its identity at start");
            assertEquals(row.getString("instance_id"), description.getString("instanceId"));
            Instant storedCreatedAt = row.getTimestamp("created_at").toInstant();
            assertEquals(storedCreatedAt.truncatedTo(ChronoUnit.MILLIS),
                    Instant.parse(description.getString("since")).truncatedTo(ChronoUnit.MILLIS));
        }
        assertEquals(1, description.getInt("protocolVersion"));
    }

    @Test
    void theSchemaIsOwnedByTheMigrations() throws Exception {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*) FROM tacit.flyway_schema_history WHERE success AND version = '1'")) {
            assertTrue(row.next());
            assertEquals(1, row.getInt(1), "migration V1 is recorded as applied");
        }
    }
}
