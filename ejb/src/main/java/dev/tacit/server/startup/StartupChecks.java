package dev.tacit.server.startup;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.server.auth.PublicOrigin;

/**
 * Runs before anything else of Tacit starts (the other startup beans depend on it) and stops the deployment,
 * with a message that says what to set, when the settings are wrong or, in production mode, unsafe.
 */
@Singleton
@Startup
public class StartupChecks {

    /** The name other startup beans give {@code @DependsOn}. */
    public static final String NAME = "StartupChecks";

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    ServerMode mode;

    @Inject
    ProductionSafety safety;

    @Inject
    PublicOrigin publicOrigin;

    @PostConstruct
    void check() {
        LOG.info(() -> "Public origin: " + publicOrigin); // reading it checks it
        if (mode.isDevelopment()) {
            LOG.warning("Tacit runs in DEVELOPMENT mode (tacit.mode=development): the development SMS gateway, a"
                    + " generated keystore and the default database password are allowed. Never use it in production.");
            return;
        }
        List<String> problems = safety.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Tacit refuses to start in production mode (" + ServerMode.NAME
                    + ", TACIT_MODE): " + String.join("; ", problems) + ". For a local development run instead,"
                    + " set TACIT_MODE=development.");
        }
        LOG.info("Tacit runs in production mode");
    }
}
