package dev.tacit.server.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's settings tables and configure-tacit.cli's expressions agree with {@link TacitSettings}: every
 * setting is documented once with its environment variable and its default, and nothing else is.
 */
class ReadmeSettingsTest {

    private static final Path README = Path.of(System.getProperty("tacit.readme", "../README.md"));
    private static final Path CLI = Path.of(System.getProperty("tacit.cli",
            "../server/src/main/wildfly/configure-tacit.cli"));

    /** A table row: | `tacit.x` | `TACIT_X` | default cell | what it sets |. */
    private static final Pattern ROW = Pattern.compile("^\\| `(tacit\\.[^`]+)` \\| `([^`]*)` \\| ([^|]*) \\|.*\\|\\s*$");
    /** A default cell that states a value starts with it in backticks; any other cell means there is none. */
    private static final Pattern STATED_DEFAULT = Pattern.compile("^`([^`]*)`");
    /** ${tacit.x,env.TACIT_X:default} in the CLI script. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(tacit\\.[^,}]+),env\\.([A-Z_]+):([^}]*)}");

    @Test
    void theReadmeListsEverySettingWithItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, Optional<String>> mapped = mappedSettings();
        Map<String, Optional<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String name = row.group(1);
                assertNull(documented.put(name, statedDefault(row.group(3))), name + " is documented twice");
                assertEquals(environmentVariable(name), row.group(2), "environment variable of " + name);
            }
        }

        assertEquals(mapped.keySet(), documented.keySet(), "settings in TacitSettings and in README.md");
        assertEquals(mapped, documented, "defaults in TacitSettings and in README.md");
    }

    @Test
    void theDatasourceExpressionsReadMappedSettingsWithTheirDefaults() throws IOException {
        Map<String, Optional<String>> mapped = mappedSettings();
        Matcher expression = EXPRESSION.matcher(Files.readString(CLI));
        int found = 0;
        while (expression.find()) {
            String name = expression.group(1);
            assertTrue(mapped.containsKey(name), name + " read by configure-tacit.cli is not in TacitSettings");
            assertEquals(environmentVariable(name), expression.group(2), "environment variable of " + name);
            assertEquals(mapped.get(name), Optional.of(expression.group(3)), "default of " + name);
            found++;
        }
        assertEquals(6, found, "the datasource's expressions: host, port, name, user, password, pool size");
    }

    @Test
    void theTableParserSeesStatedAndAbsentDefaults() {
        assertEquals(Optional.of("PT10M"), statedDefault("`PT10M` "));
        assertEquals(Optional.empty(), statedDefault("(required for `twilio`) "));
        assertFalse(ROW.matcher("| `TACIT_X` | `tacit.x` | `1` |").matches(), "columns in the wrong order");
    }

    /** Every leaf of the mapping, by property name, with its default if it has one. */
    private static Map<String, Optional<String>> mappedSettings() {
        Map<String, Optional<String>> settings = new TreeMap<>();
        Map<String, ConfigMappingInterface.Property> properties =
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(TacitSettings.class));
        properties.forEach((name, property) -> settings.put(name,
                property.hasDefaultValue() ? Optional.of(property.getDefaultValue()) : Optional.empty()));
        assertFalse(settings.isEmpty());
        return settings;
    }

    private static Optional<String> statedDefault(String cell) {
        Matcher stated = STATED_DEFAULT.matcher(cell.strip());
        return stated.find() ? Optional.of(stated.group(1)) : Optional.empty();
    }

    /** The environment variable MicroProfile Config reads for {@code name}: upper case, non-alphanumerics as _. */
    private static String environmentVariable(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
