package dev.tacit.batch.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import dev.tacit.batch.TacitJob;

/**
 * What an operator may do with Tacit's jobs (the operator resource, {@code /v1/operator/jobs}): start one now and
 * read its recent executions with their counts. Through the {@code JobOperator} of this module, where the job XML
 * lives; outside any transaction, as the batch runtime manages its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobOperations {

    /** Starts an execution of {@code job} now; returns its id. */
    public long start(TacitJob job) {
        return BatchRuntime.getJobOperator().start(job.id(), new Properties());
    }

    /** The executions of the latest {@code instances} instances of {@code job} (restarts included), newest first. */
    public List<JobRun> executions(TacitJob job, int instances) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobInstance> recent;
        try {
            recent = operator.getJobInstances(job.id(), 0, instances);
        } catch (NoSuchJobException e) {
            return List.of(); // never run yet
        }
        List<JobRun> runs = new ArrayList<>();
        for (JobInstance instance : recent) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                runs.add(run(operator, job, execution));
            }
        }
        runs.sort(Comparator.comparingLong(JobRun::executionId).reversed());
        return runs;
    }

    private static JobRun run(JobOperator operator, TacitJob job, JobExecution execution) {
        List<JobRun.StepRun> steps = new ArrayList<>();
        for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
            Map<Metric.MetricType, Long> metrics = new EnumMap<>(Metric.MetricType.class);
            for (Metric metric : step.getMetrics()) {
                metrics.put(metric.getType(), metric.getValue());
            }
            steps.add(new JobRun.StepRun(step.getStepName(), String.valueOf(step.getBatchStatus()),
                    metrics.getOrDefault(Metric.MetricType.READ_COUNT, 0L),
                    metrics.getOrDefault(Metric.MetricType.WRITE_COUNT, 0L),
                    metrics.getOrDefault(Metric.MetricType.READ_SKIP_COUNT, 0L)
                            + metrics.getOrDefault(Metric.MetricType.PROCESS_SKIP_COUNT, 0L)
                            + metrics.getOrDefault(Metric.MetricType.WRITE_SKIP_COUNT, 0L),
                    metrics.getOrDefault(Metric.MetricType.FILTER_COUNT, 0L),
                    metrics.getOrDefault(Metric.MetricType.COMMIT_COUNT, 0L),
                    metrics.getOrDefault(Metric.MetricType.ROLLBACK_COUNT, 0L)));
        }
        return new JobRun(execution.getExecutionId(), job.id(), String.valueOf(execution.getBatchStatus()),
                instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime()), steps);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
