package dev.tacit.server.startup;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the server runs, {@code tacit.mode} ({@code TACIT_MODE}): {@code production}, the default for a deployed
 * EAR, refuses to start with settings that are only safe on a developer's machine ({@link ProductionSafety});
 * {@code development}, which {@code mvn -Prun package} sets, allows them and says so in the log.
 */
@ApplicationScoped
public class ServerMode {

    static final String NAME = "tacit.mode";

    @Inject
    @ConfigProperty(name = NAME, defaultValue = "production")
    String configured;

    private boolean development;

    /** The mode {@code configured} ({@code production} or {@code development}), outside CDI. */
    public static ServerMode of(String configured) {
        ServerMode mode = new ServerMode();
        mode.configured = configured;
        mode.read();
        return mode;
    }

    @PostConstruct
    void read() {
        development = switch (configured.strip()) {
            case "production" -> false;
            case "development" -> true;
            default -> throw new IllegalStateException(NAME + " (TACIT_MODE) must be production or development, not \""
                    + configured + "\"");
        };
    }

    public boolean isDevelopment() {
        return development;
    }
}
