package dev.tacit.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code tacit.*} settings an operator gives the launcher, read the way the server reads them (MicroProfile
 * Config): the system property {@code tacit.x.y} first, then the environment variable {@code TACIT_X_Y}.
 * The launcher hands the {@code -D} ones on to WildFly as they were given, so the server checks them (a
 * misspelt one fails the deployment), except secrets, which go through WildFly's environment instead, to keep
 * them off its command line. Environment variables WildFly inherits anyway.
 */
public final class Settings {

    /** The launcher's own properties (set by the {@code run} profile or for it), not the server's. */
    private static final Set<String> LAUNCHER_PROPERTIES = Set.of("tacit.wildfly.home", "tacit.ear", "tacit.run.dir");
    private static final String LAUNCHER_PREFIX = "tacit.run.";
    private static final Pattern SECRET = Pattern.compile("(password|auth-token|secret)$");

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;

    public Settings(Map<String, String> systemProperties, Map<String, String> environment) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
    }

    /** The settings of this JVM: its system properties and its environment. */
    public static Settings ofThisProcess() {
        Properties properties = System.getProperties();
        Map<String, String> copy = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            copy.put(name, properties.getProperty(name));
        }
        return new Settings(copy, System.getenv());
    }

    /** The value of setting {@code name} ({@code tacit.x.y}), if it is set and not blank. */
    public Optional<String> get(String name) {
        String value = systemProperties.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(environmentName(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The server settings given as system properties, secrets left out, as {@code -D} arguments. */
    public List<String> serverSettingsAsArguments() {
        List<String> arguments = new ArrayList<>();
        serverSettings().forEach((name, value) -> {
            if (!isSecret(name)) {
                arguments.add("-D" + name + "=" + value);
            }
        });
        return arguments;
    }

    /**
     * The secrets among the server settings given as system properties, as the environment variables
     * MicroProfile Config maps them to ({@code tacit.db.password} becomes {@code TACIT_DB_PASSWORD}).
     */
    public Map<String, String> secretsAsEnvironment() {
        Map<String, String> variables = new TreeMap<>();
        serverSettings().forEach((name, value) -> {
            if (isSecret(name)) {
                variables.put(environmentName(name), value);
            }
        });
        return variables;
    }

    private Map<String, String> serverSettings() {
        Map<String, String> settings = new TreeMap<>();
        systemProperties.forEach((name, value) -> {
            if (name.startsWith("tacit.") && !name.startsWith(LAUNCHER_PREFIX) && !LAUNCHER_PROPERTIES.contains(name)) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    /** Passwords, tokens and secrets: never on a command line, which every local user can read. */
    static boolean isSecret(String name) {
        return SECRET.matcher(name).find();
    }

    /** MicroProfile Config's environment variable for a property: non-alphanumerics to {@code _}, upper case. */
    static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
