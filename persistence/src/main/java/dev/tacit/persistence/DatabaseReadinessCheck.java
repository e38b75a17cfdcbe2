package dev.tacit.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;


import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a query against the migrated schema. Reports the schema version
 * when up, and the database driver's reason when down.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final String SCHEMA_VERSION_QUERY = "SELECT version FROM " + TacitDataSource.SCHEMA
            + ".flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1";

    @Resource(lookup = TacitDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery(SCHEMA_VERSION_QUERY)) {
                if (!result.next()) {
                    return response.down().withData("reason", "no schema migration has been applied").build();
                }
                return response.up().withData("schemaVersion", result.getString(1)).build();
            }
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("reason", rootCauseMessage(e)).build();
        }
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
