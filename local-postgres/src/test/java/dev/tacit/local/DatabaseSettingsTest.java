package dev.tacit.local;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    @Test
    void withoutAHostNothingIsConfigured() {
        assertEquals(Optional.empty(), DatabaseSettings.configured(new Properties(), Map.of("TACIT_DB_PORT", "6543")));
    }

    @Test
    void environmentVariablesConfigureTheDatabaseWithDefaultsForTheRest() {
        DatabaseSettings settings = DatabaseSettings.configured(new Properties(),
                Map.of("TACIT_DB_HOST", "db.internal", "TACIT_DB_PASSWORD", "s3cret")).orElseThrow();

        assertEquals(new DatabaseSettings("db.internal", 5432, "tacit", "tacit", "s3cret"), settings);
        assertEquals("jdbc:postgresql://db.internal:5432/tacit", settings.jdbcUrl());
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Properties systemProperties = new Properties();
        systemProperties.setProperty("tacit.db.host", "from-property");
        systemProperties.setProperty("tacit.db.port", "7000");

        DatabaseSettings settings = DatabaseSettings.configured(systemProperties,
                Map.of("TACIT_DB_HOST", "from-environment", "TACIT_DB_PORT", "6000")).orElseThrow();

        assertEquals("from-property", settings.host());
        assertEquals(7000, settings.port());
    }

    @Test
    void thePasswordStaysOffCommandLinesAndOutOfLogs() {
        DatabaseSettings settings = new DatabaseSettings("h", 1, "d", "u", "s3cret");

        assertTrue(settings.asSystemPropertyArguments().contains("-Dtacit.db.user=u"));
        assertFalse(String.join(" ", settings.asSystemPropertyArguments()).contains("s3cret"));
        assertFalse(settings.toString().contains("s3cret"));
    }
}
