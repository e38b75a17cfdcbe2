package dev.tacit.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for store tests, started once per test JVM under {@code target/}, with the persistence unit
 * {@code tacit} on top: outside the container, so resource-local transactions, but the real entities, the real
 * migrations (run by {@link FlywayMigrationIntegrator} as in the server) and the real SQL.
 */
public final class StoreTestDatabase {

    private static EmbeddedPostgres postgres;
    private static EntityManagerFactory entityManagers;

    private StoreTestDatabase() {
    }

    /** Runs {@code work} in one transaction, committed if it returns. */
    public static void inTransaction(Consumer<EntityManager> work) {
        EntityManager entityManager = entityManagers().createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            work.accept(entityManager);
            transaction.commit();
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** A new entity manager, for work spanning several transactions; the caller closes it. */
    public static synchronized EntityManager entityManager() {
        return entityManagers().createEntityManager();
    }

    private static synchronized EntityManagerFactory entityManagers() {
        if (postgres == null) {
            try {
                Path directory = Path.of(System.getProperty("tacit.test.postgres.dir", "target/store-test-postgres"));
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                        .setDataDirectory(directory.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "localhost")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL for the store tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(StoreTestDatabase::stop, "store-test-postgres-stop"));
        }
        if (entityManagers == null) {
            // The unit's JTA data source is the server's JNDI name; here both are the test database.
            entityManagers = Persistence.createEntityManagerFactory("tacit", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", postgres.getPostgresDatabase(),
                    "jakarta.persistence.nonJtaDataSource", postgres.getPostgresDatabase()));
        }
        return entityManagers;
    }

    private static synchronized void stop() {
        if (entityManagers != null) {
            entityManagers.close();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the data directory is cleaned at the next start
        }
    }
}
