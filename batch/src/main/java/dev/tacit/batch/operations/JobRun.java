package dev.tacit.batch.operations;

import java.time.Instant;
import java.util.List;

/**
 * One execution of a job, as the batch API reports it: its id, status, times (null while not reached) and what
 * each of its steps did.
 */
public record JobRun(long executionId, String job, String status, Instant createdAt, Instant startedAt,
                     Instant endedAt, List<StepRun> steps) {

    /** A step's metrics ({@code StepExecution.getMetrics()}): items read, written and skipped, and its chunks. */
    public record StepRun(String step, String status, long read, long written, long skipped, long filtered,
                          long commits, long rollbacks) {
    }
}
