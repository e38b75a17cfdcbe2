package dev.tacit.server.storetests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * Transactions against the store tests' database ({@link StoreDatabase}), each with an EntityManager of its
 * own: what a container-managed transaction gives a store in the server.
 */
public final class Transactions {

    private final EntityManagerFactory factory;

    Transactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Runs {@code work} in a new transaction and commits it, or rolls it back if {@code work} throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public void run(Consumer<EntityManager> work) {
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** How many rows the table {@code tacit.<table>} holds ({@code table} is the test's own constant). */
    public long rows(String table) {
        return inTransaction(entityManager -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM tacit.\"" + table + "\"").getSingleResult()).longValue());
    }

    /**
     * Runs {@code work} in {@code parties} transactions at once, each on a thread and a connection of its
     * own, all released together, as concurrent requests on cluster members would; returns each one's result.
     *
     * @throws ExecutionException the first failure, if one failed
     */
    public <T> List<T> concurrently(int parties, Function<EntityManager, T> work)
            throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(parties);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return inTransaction(work);
                }));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }
}
