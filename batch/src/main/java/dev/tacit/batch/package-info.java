/**
 * Tacit's Jakarta Batch jobs (job XML under {@code META-INF/batch-jobs}, the job id the file's name), started on a
 * schedule by {@link dev.tacit.batch.schedule.JobSchedule}: {@code process-delayed-releases},
 * {@code expire-discovery-tokens} and {@code purge-expired-records}. Each is a chunk step, or a chain of them,
 * whose reader locks a chunk of rows with {@code FOR UPDATE SKIP LOCKED} in the chunk's transaction and whose
 * writer changes or deletes them in it: executions at once, on any nodes, take disjoint rows, and a restarted one
 * takes up what the failed one left. The job repository is the Tacit datasource (configure-tacit.cli), so
 * executions, their counts and their checkpoints survive restarts.
 */
package dev.tacit.batch;
