package dev.tacit.server.storetests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import dev.tacit.local.DatabaseSettings;
import dev.tacit.local.LocalPostgres;
import dev.tacit.persistence.TacitDataSource;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store tests' database, a JUnit 5 extension: a real PostgreSQL 17 ({@link LocalPostgres}, the embedded
 * server the local run and the integration tests use too) whose schema the real Flyway migrations make, and
 * JPA bootstrapped in Java SE on the application's own persistence unit {@code tacit}: Hibernate, the ORM
 * WildFly ships, running {@code FlywayMigrationIntegrator} as the server does, then validating the entity
 * mappings against the migrated schema. One server and one EntityManagerFactory per test JVM, started by
 * the first test that needs them; each test starts with empty tables. A test takes a {@link Transactions}
 * parameter and builds the store or service under test by hand, with the transaction's EntityManager.
 *
 * <p>Why this and not Arquillian in-container tests: it runs in the module's own test phase, on every build,
 * in seconds (no WildFly boot, no deployment per test class), concurrency is in the test's hands (several
 * transactions at once, each on its own connection), and a failure points at the store rather than at an
 * HTTP call. The stores run in their caller's transaction, which the test holds here instead of JTA. What
 * this tier does not see (JTA, CDI wiring, interceptors, the server's cache configuration) stays with the
 * integration tests.
 */
public final class StoreDatabase implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StoreDatabase.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context).emptyTables();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Transactions.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).transactions;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(),
                Running.class);
    }

    /** The server and the EntityManagerFactory of this test JVM; JUnit closes them when the run ends. */
    private static final class Running implements AutoCloseable {

        private final LocalPostgres postgres;
        private final EntityManagerFactory factory;
        private final Transactions transactions;
        private final String emptyTables;

        private Running(LocalPostgres postgres, EntityManagerFactory factory) {
            this.postgres = postgres;
            this.factory = factory;
            this.transactions = new Transactions(factory);
            this.emptyTables = emptyTablesStatement();
        }

        static Running start() {
            LocalPostgres postgres = LocalPostgres.start(Path.of("target", "store-postgres"));
            // The role the server connects as, with the README's rights: the migrations must make do with them.
            DatabaseSettings database = postgres.applicationDatabase("tacit", "tacit", "store-tests");
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            dataSource.setUser(database.user());
            dataSource.setPassword(database.password());
            dataSource.setCurrentSchema(TacitDataSource.SCHEMA); // as the server's datasource
            try {
                return new Running(postgres, Persistence.createEntityManagerFactory("tacit", Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource", dataSource)));
            } catch (RuntimeException | Error e) {
                postgres.close();
                throw e;
            }
        }

        /** One TRUNCATE of every table the migrations made, but their own history. */
        private String emptyTablesStatement() {
            List<String> tables = new ArrayList<>();
            for (Object table : transactions.inTransaction(entityManager -> entityManager.createNativeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'tacit' AND table_name <> 'flyway_schema_history'""").getResultList())) {
                tables.add("tacit.\"" + table + "\"");
            }
            return "TRUNCATE " + String.join(", ", tables);
        }

        void emptyTables() {
            transactions.run(entityManager -> entityManager.createNativeQuery(emptyTables).executeUpdate());
        }

        @Override
        public void close() {
            try {
                factory.close();
            } finally {
                postgres.close();
            }
        }
    }
}
