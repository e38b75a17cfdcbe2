package dev.tacit.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date with the versioned SQL migrations under {@code db/migration}. */
public final class DatabaseMigrations {

    private static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /** Applies every pending migration; fails, and so fails the deployment, if one does not apply. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(TacitDataSource.SCHEMA)
                .locations(LOCATION)
                .load()
                .migrate();
    }
}
