package dev.tacit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the versioned SQL migrations under {@code db/migration}.
 *
 * <p>The schema {@code tacit} also holds WildFly's batch job repository, whose tables JBeret creates itself
 * when the server boots, before the application deploys (the datasource's search path is {@code tacit}).
 * On a new database Flyway would then find a schema that is not empty but has no history and refuse it, so a
 * schema holding nothing but those tables is adopted: a baseline below the first migration, then every
 * migration. A schema with any other table and no history is still refused.
 */
public final class DatabaseMigrations {

    private static final String LOCATION = "classpath:db/migration";
    private static final String HISTORY_TABLE = "flyway_schema_history";
    /** The tables of JBeret's JDBC job repository (its sql/jberet-postgresql.ddl), lower-cased. */
    static final Set<String> BATCH_JOB_REPOSITORY_TABLES =
            Set.of("job_instance", "job_execution", "step_execution", "partition_execution");

    private DatabaseMigrations() {
    }

    /** What a migration run found and did. */
    public record Outcome(String schemaVersion, int migrationsApplied) {
    }

    /** Applies every pending migration; fails, and so fails the deployment, if one does not apply. */
    public static Outcome migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(TacitDataSource.SCHEMA)
                .locations(LOCATION)
                .baselineOnMigrate(holdsOnlyTheBatchJobRepository(dataSource))
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return new Outcome(current == null ? "none" : current.getVersion().getVersion(), result.migrationsExecuted);
    }

    /** Whether the schema has no migration history and no table but the batch job repository's (or none). */
    static boolean holdsOnlyTheBatchJobRepository(DataSource dataSource) {
        Set<String> tables = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            query.setString(1, TacitDataSource.SCHEMA);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of schema " + TacitDataSource.SCHEMA, e);
        }
        return !tables.contains(HISTORY_TABLE) && BATCH_JOB_REPOSITORY_TABLES.containsAll(tables);
    }
}
