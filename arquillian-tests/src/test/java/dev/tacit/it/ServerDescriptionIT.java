package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestPorts;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void publishesTheOriginSignaturesCoverAndTheIssuerNameItsAuthority() {
        JsonObject description = TacitHttp.json(TacitHttp.get(TacitHttp.API.resolve("server")));

        // The suite configures tacit.public-origin as http://localhost:<HTTP port> (PortOffsetObserver).
        assertEquals("http://localhost:" + TestPorts.http(), description.getString("publicOrigin"));
        assertEquals("localhost:" + TestPorts.http(), description.getString("issuerName"));
    }

    @Test
    void publishesTheDiscoveryWindowAndAllowance() {
        JsonObject description = TacitHttp.json(TacitHttp.get(TacitHttp.API.resolve("server")));

        // the defaults of tacit.discovery.window and tacit.discovery.tokens-per-window
        assertEquals(86_400, description.getJsonNumber("discoveryWindowSeconds").longValueExact());
        assertEquals(100, description.getInt("discoveryTokensPerWindow"));
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

    /**
     * With the suite's own PostgreSQL the server connects as an ordinary role that may only connect to its
     * database and create schemas in it (the README's rights; on PostgreSQL 15 and later no right on public),
     * and every table, the batch job repository's included, is in the schema tacit.
     */
    @Test
    void everyTableIsInTheSchemaTacitAndTheReadmesRightsSuffice() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            if (TestDatabase.isOwnedBySuite()) {
                try (ResultSet role = statement.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole,"
                        + " has_schema_privilege('public', 'CREATE'), pg_get_userbyid(datdba) = current_user"
                        + " FROM pg_roles, pg_database WHERE rolname = current_user AND datname = current_database()")) {
                    assertTrue(role.next());
                    for (int column = 1; column <= 5; column++) {
                        assertFalse(role.getBoolean(column), "the server's role has no right beyond the README's: "
                                + role.getMetaData().getColumnName(column));
                    }
                }
            }
            List<String> elsewhere = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery("SELECT table_schema || '.' || table_name"
                    + " FROM information_schema.tables WHERE table_schema NOT IN ('tacit', 'pg_catalog', 'information_schema')")) {
                while (tables.next()) {
                    elsewhere.add(tables.getString(1));
                }
            }
            assertEquals(List.of(), elsewhere, "tables outside the schema tacit");
            try (ResultSet jobs = statement.executeQuery("SELECT count(*) FROM tacit.job_instance")) {
                assertTrue(jobs.next(), "the batch job repository's tables are in the schema tacit");
            }
        }
    }
}
