package dev.tacit.server.persistence;

import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.tacit.persistence.DatabaseMigrations;
import dev.tacit.persistence.TacitDataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema migrations while Hibernate builds the session factory, before it validates the entity
 * mappings against the schema ({@code hibernate.hbm2ddl.auto=validate}). A startup bean would run too late:
 * the persistence unit is validated before any bean starts. Registered through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public final class FlywayMigrationIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        DatabaseMigrations.Outcome outcome = DatabaseMigrations.migrate(dataSource);
        LOG.info(() -> "Database schema '" + TacitDataSource.SCHEMA + "' at version " + outcome.schemaVersion()
                + " (" + outcome.migrationsApplied() + " migrations applied now)");
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Nothing to undo: migrations are permanent.
    }
}
