package dev.tacit.local;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    @Test
    void withoutAHostNothingIsConfigured() {
        assertEquals(Optional.empty(), DatabaseSettings.configured(
                new Settings(Map.of("tacit.db.port", "6543"), Map.of("TACIT_DB_PORT", "6543"))::get));
    }

    @Test
    void environmentVariablesConfigureTheDatabaseWithDefaultsForTheRest() {
        DatabaseSettings settings = DatabaseSettings.configured(new Settings(Map.of(),
                Map.of("TACIT_DB_HOST", "db.internal", "TACIT_DB_PASSWORD", "s3cret"))::get).orElseThrow();

        assertEquals(new DatabaseSettings("db.internal", 5432, "tacit", "tacit", "s3cret"), settings);
        assertEquals("jdbc:postgresql://db.internal:5432/tacit", settings.jdbcUrl());
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        DatabaseSettings settings = DatabaseSettings.configured(new Settings(
                Map.of("tacit.db.host", "from-property", "tacit.db.port", "7000", "tacit.db.password", "p"),
                Map.of("TACIT_DB_HOST", "from-environment", "TACIT_DB_PORT", "6000", "TACIT_DB_PASSWORD", "e"))::get)
                .orElseThrow();

        assertEquals("from-property", settings.host());
        assertEquals(7000, settings.port());
        assertEquals("p", settings.password());
    }

    @Test
    void thePasswordReachesTheServerThroughItsEnvironmentNotItsCommandLine() {
        DatabaseSettings settings = new DatabaseSettings("h", 1, "d", "u", "s3cret");

        assertTrue(settings.asSystemPropertyArguments().contains("-Dtacit.db.user=u"));
        assertFalse(String.join(" ", settings.asSystemPropertyArguments()).contains("s3cret"));
        assertEquals("s3cret", settings.asEnvironment().get("TACIT_DB_PASSWORD"));
        assertEquals("1", settings.asEnvironment().get("TACIT_DB_PORT"));
        assertFalse(settings.toString().contains("s3cret"));
    }
}
