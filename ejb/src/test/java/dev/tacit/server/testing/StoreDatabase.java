package dev.tacit.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.tacit.server.accounts.Account;

import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Stores against a real PostgreSQL with the real migrations, outside the application server: a JUnit 5
 * extension that starts an embedded PostgreSQL once per test JVM (files under {@code target/store-postgres}),
 * builds the persistence unit {@code tacit} on it with Hibernate for resource-local transactions (which runs
 * the Flyway migrations, as in the server, through {@code FlywayMigrationIntegrator}), and hands each test
 * method that asks for one a fresh {@link EntityManager}, closed after it. Tests drive their transactions
 * themselves ({@link #inTransaction}), standing in for the container's.
 */
public final class StoreDatabase implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StoreDatabase.class);

    private static EmbeddedPostgres postgres;
    private static EntityManagerFactory factory;

    /** Runs {@code work} in one transaction of {@code entityManager}: committed if it returns, else rolled back. */
    public static void inTransaction(EntityManager entityManager, Runnable work) {
        entityManager.getTransaction().begin();
        try {
            work.run();
            entityManager.getTransaction().commit();
        } catch (RuntimeException e) {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            throw e;
        } finally {
            entityManager.clear();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EntityManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EntityManager entityManager = factory().createEntityManager();
        context.getStore(NAMESPACE).put(parameter.getIndex(), entityManager);
        return entityManager;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int index = 0; index < 8; index++) {
            EntityManager entityManager = context.getStore(NAMESPACE).remove(index, EntityManager.class);
            if (entityManager != null && entityManager.isOpen()) {
                entityManager.close();
            }
        }
    }

    private static synchronized EntityManagerFactory factory() {
        if (factory == null) {
            postgres = start(Path.of("target", "store-postgres"));
            factory = new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                    new ResourceLocalUnit(postgres.getPostgresDatabase()),
                    Map.of("hibernate.default_schema", "tacit",
                            "hibernate.hbm2ddl.auto", "validate",
                            // No pool here: each entity manager keeps its one connection until it closes.
                            "hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD"));
            Runtime.getRuntime().addShutdownHook(new Thread(StoreDatabase::stop, "store-postgres-stop"));
        }
        return factory;
    }

    private static EmbeddedPostgres start(Path directory) {
        try {
            Path data = directory.resolve("data");
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(directory);
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                    .setDataDirectory(data)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    // A throwaway database: commits need not wait for the disk.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL under " + directory, e);
        }
    }

    private static synchronized void stop() {
        if (factory != null) {
            factory.close();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the JVM is exiting; the data directory is emptied at the next start anyway
        }
    }

    /** The persistence unit of persistence.xml, but on a plain data source with resource-local transactions. */
    private record ResourceLocalUnit(DataSource dataSource) implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return "tacit";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return HibernatePersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        /** The ejb module's classes, scanned for entities as the server scans them. */
        @Override
        public URL getPersistenceUnitRootUrl() {
            return Account.class.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        public List<String> getManagedClassNames() {
            return List.of();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return false;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.UNSPECIFIED;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return StoreDatabase.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // no bytecode enhancement in tests, as none in the server
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return null;
        }
    }
}
