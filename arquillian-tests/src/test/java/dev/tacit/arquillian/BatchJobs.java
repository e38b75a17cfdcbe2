package dev.tacit.arquillian;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.dmr.ModelNode;

/**
 * The deployed batch jobs, for tests: starts and restarts executions through WildFly's management API (the
 * deployment's {@code batch-jberet} resource, which calls the {@code JobOperator}), waits for them to end, and
 * reads what each step reported (its metrics, as the job repository in the suite's PostgreSQL holds them).
 */
public final class BatchJobs {

    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** Executions before this id belong to earlier deployments (an interrupted run may have left one "running"). */
    private static volatile long firstOfThisDeployment;

    private BatchJobs() {
    }

    /** Starts an execution of {@code job} with {@code parameters}; returns its id. */
    public static long start(String job, Map<String, String> parameters) {
        ModelNode operation = operation("start-job");
        operation.get("job-xml-name").set(job);
        parameters.forEach((name, value) -> operation.get("properties", name).set(value));
        return ServerManagement.execute(operation).asLong();
    }

    /** Restarts the failed or stopped execution {@code executionId}; returns the new execution's id. */
    public static long restart(long executionId, Map<String, String> parameters) {
        ModelNode operation = operation("restart-job");
        operation.get("execution-id").set(executionId);
        parameters.forEach((name, value) -> operation.get("properties", name).set(value));
        return ServerManagement.execute(operation).asLong();
    }

    /** Starts {@code job}, waits for it to end and returns what it did. */
    public static Execution run(String job, Map<String, String> parameters) {
        return awaitEnd(start(job, parameters));
    }

    /** Waits until execution {@code executionId} has ended; returns what it did. */
    public static Execution awaitEnd(long executionId) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            Execution execution = read(executionId);
            if (!RUNNING.contains(execution.status())) {
                return execution;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("execution " + executionId + " still " + execution.status() + " after " + PATIENCE);
            }
            pause();
        }
    }

    /** A new deployment starts: the executions recorded so far are not its own. */
    static void deployed() {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(max(jobexecutionid), 0) + 1 FROM tacit.job_execution");
             ResultSet row = query.executeQuery()) {
            row.next();
            firstOfThisDeployment = row.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // JBeret has not made its tables yet: no execution so far
                firstOfThisDeployment = 0;
                return;
            }
            throw new IllegalStateException("cannot read the job repository", e);
        }
    }

    /** Waits until no execution of this deployment is running, as after a timer started them ({@link ScheduledJobs}). */
    static void awaitIdle() {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (running() > 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("batch executions still running after " + PATIENCE);
            }
            pause();
        }
    }

    /** What an execution did: its status and each step's metrics, in the order the steps ran. */
    public record Execution(long id, String status, List<Step> steps) {

        /** The step named {@code name}. */
        public Step step(String name) {
            return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("execution " + id + " ran no step " + name + ": " + steps));
        }
    }

    /** One step's metrics, as the batch API reports them ({@code StepExecution.getMetrics()}). */
    public record Step(String name, String status, long read, long written, long skipped, long commits,
                       long rollbacks, Duration took) {
    }

    private static Execution read(long executionId) {
        try (Connection connection = TestDatabase.connect()) {
            String status;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT batchstatus FROM tacit.job_execution WHERE jobexecutionid = ?")) {
                query.setLong(1, executionId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new AssertionError("no execution " + executionId);
                    }
                    status = row.getString(1);
                }
            }
            List<Step> steps = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT stepname, batchstatus, readcount, writecount,
                           readskipcount + processskipcount + writeskipcount, commitcount, rollbackcount,
                           starttime, endtime
                    FROM tacit.step_execution WHERE jobexecutionid = ? ORDER BY stepexecutionid""")) {
                query.setLong(1, executionId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Duration took = row.getTimestamp(9) == null ? null
                                : Duration.between(row.getTimestamp(8).toInstant(), row.getTimestamp(9).toInstant());
                        steps.add(new Step(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                                row.getLong(5), row.getLong(6), row.getLong(7), took));
                    }
                }
            }
            return new Execution(executionId, status, steps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository", e);
        }
    }

    private static long running() {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM tacit.job_execution WHERE batchstatus = ANY (?) AND jobexecutionid >= ?")) {
            query.setArray(1, connection.createArrayOf("text", RUNNING.toArray()));
            query.setLong(2, firstOfThisDeployment);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository", e);
        }
    }

    private static ModelNode operation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        ModelNode address = operation.get("address");
        address.add("deployment", SuiteDeployment.NAME);
        address.add("subdeployment", "tacit-batch.jar");
        address.add("subsystem", "batch-jberet");
        return operation;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch execution", e);
        }
    }
}
