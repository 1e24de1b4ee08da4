package org.jobdeck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.handler.JobHandler;

/** Catalogs of jobs that do nothing, for measuring the queue itself. */
final class NoOpCatalogs {
    private NoOpCatalogs() {
    }

    /** {@code count} jobs without dependencies, spread over 10 groups. */
    static JobCatalog independent(int count) {
        List<JobDefinition> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(job(String.format("n%05d", i), "g" + (i % 10), List.of()));
        }
        return JobCatalog.of(null, jobs);
    }

    /** {@code chains} chains of {@code length} jobs: {@code c3-7} needs {@code c3-6}. */
    static JobCatalog chains(int chains, int length) {
        List<JobDefinition> jobs = new ArrayList<>(chains * length);
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < length; i++) {
                jobs.add(job(chainJob(c, i), "chain" + (c % 10), i == 0 ? List.of() : List.of(chainJob(c, i - 1))));
            }
        }
        return JobCatalog.of(null, jobs);
    }

    static String chainJob(int chain, int link) {
        return "c" + chain + "-" + link;
    }

    /** Registers {@code handler} for every job of the catalog. */
    static HandlerRegistry handlers(JobCatalog catalog, JobHandler handler) {
        HandlerRegistry registry = new HandlerRegistry();
        catalog.jobs().forEach(job -> registry.register(job.name(), handler));
        return registry;
    }

    private static JobDefinition job(String name, String group, List<String> dependencies) {
        // 3 attempts, no retry delay, no timeout: a no-op never needs them.
        return new JobDefinition(name, "no-op " + name, group, dependencies, Map.of(), List.of(),
                List.of(), 3, 0, null);
    }
}
