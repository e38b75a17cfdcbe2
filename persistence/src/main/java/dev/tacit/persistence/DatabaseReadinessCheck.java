package dev.tacit.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a query against the migrated schema. Reports the schema version when
 * up; when down, only that it is down: the driver's reason (host names, ports, user names) goes to the log, once
 * per outage, not to whoever asks for readiness.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";
    /** The one reason readiness gives for a database it cannot use. */
    static final String DOWN_REASON = "the database does not answer or has no migrated schema; the server log says why";

    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final String SCHEMA_VERSION_QUERY = "SELECT version FROM " + TacitDataSource.SCHEMA
            + ".flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1";

    @Resource(lookup = TacitDataSource.JNDI_NAME)
    DataSource dataSource;

    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery(SCHEMA_VERSION_QUERY)) {
                if (!result.next()) {
                    return down(response, "no schema migration has been applied");
                }
                if (down.compareAndSet(true, false)) {
                    LOG.info("Readiness: the database answers again");
                }
                return response.up().withData("schemaVersion", result.getString(1)).build();
            }
        } catch (SQLException | RuntimeException e) {
            return down(response, rootCauseMessage(e));
        }
    }

    private HealthCheckResponse down(HealthCheckResponseBuilder response, String reason) {
        if (down.compareAndSet(false, true)) {
            LOG.warning(() -> "Readiness: the database is down: " + reason);
        }
        return response.down().withData("reason", DOWN_REASON).build();
    }

    /** The innermost message: the pool's wrappers say "unable to get a connection", the driver says why. */
    private static String rootCauseMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
