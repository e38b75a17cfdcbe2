package dev.tacit.batch;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dev.tacit.server.settings.TacitSettings;

/** Tacit's batch jobs, by job id (the name of the job XML file), with the setting that says how often each runs. */
public enum TacitJob {

    PROCESS_DELAYED_RELEASES("process-delayed-releases") {
        @Override
        public Duration interval(TacitSettings.Jobs settings) {
            return settings.processDelayedReleases().interval();
        }
    },
    EXPIRE_DISCOVERY_TOKENS("expire-discovery-tokens") {
        @Override
        public Duration interval(TacitSettings.Jobs settings) {
            return settings.expireDiscoveryTokens().interval();
        }
    },
    PURGE_EXPIRED_RECORDS("purge-expired-records") {
        @Override
        public Duration interval(TacitSettings.Jobs settings) {
            return settings.purgeExpiredRecords().interval();
        }
    };

    private final String id;

    TacitJob(String id) {
        this.id = id;
    }

    /** The job whose id is {@code id}, if it is one of Tacit's. */
    public static Optional<TacitJob> byId(String id) {
        return Arrays.stream(values()).filter(job -> job.id.equals(id)).findFirst();
    }

    /** The job id, as {@code JobOperator.start} takes it. */
    public String id() {
        return id;
    }

    /** Time between two scheduled starts. */
    public abstract Duration interval(TacitSettings.Jobs settings);
}
