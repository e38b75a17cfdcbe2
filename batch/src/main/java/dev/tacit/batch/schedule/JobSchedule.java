package dev.tacit.batch.schedule;

import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import dev.tacit.batch.TacitJob;
import dev.tacit.server.settings.TacitSettings;

/**
 * Starts each of Tacit's batch jobs on this node every {@code tacit.jobs.<job>.interval}, through the
 * {@code JobOperator}. Every node of a cluster runs its own timers (not persistent, so no node waits for another's):
 * when executions of one job overlap, on one node or several, their chunks lock disjoint rows
 * ({@code FOR UPDATE SKIP LOCKED}), so no row is processed twice and the work is shared, not repeated.
 */
@Singleton
@Startup
public class JobSchedule {

    @Resource
    TimerService timerService;

    @Inject
    TacitSettings settings;

    @PostConstruct
    void schedule() {
        for (TacitJob job : TacitJob.values()) {
            long every = job.interval(settings.jobs()).toMillis();
            timerService.createIntervalTimer(every, every, new TimerConfig(job.id(), false));
        }
    }

    /** Starts the job the timer is for; the job runs on the batch thread pool, in transactions of its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start(Timer timer) {
        BatchRuntime.getJobOperator().start((String) timer.getInfo(), new Properties());
    }
}
