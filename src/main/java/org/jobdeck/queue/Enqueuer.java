package org.jobdeck.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.InvalidParamsException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobParams;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanEntry;
import org.jobdeck.queue.store.ParamsJson;
import org.jobdeck.queue.store.NewBatch;
import org.jobdeck.queue.store.RunSpec;
import org.jobdeck.queue.store.RunStore;

/**
 * Turns a resolved plan into a batch: one run per plan entry, each waiting for the runs of its
 * dependencies, with its params merged and checked. All runs are written in one transaction.
 */
public final class Enqueuer {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_RETRY_DELAY_SECONDS = 10;
    /**
     * The most a run's params may hold, as stored JSON characters. A command job gets them as
     * arguments, and the column holds 65,536: a quarter of it leaves room for a catalog's defaults
     * and refuses, with a message, what would otherwise fail as a database error.
     */
    public static final int MAX_PARAMS_CHARS = 16 * 1024;

    private final JobCatalog catalog;
    private final RunStore store;

    public Enqueuer(JobCatalog catalog, RunStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * @param params per job name, the params that override its defaults; every job named must
     *               be in the plan
     * @param idempotencyKey null, or a key (bound to its request) that makes a repeat return
     *                       the first batch
     */
    public Batch enqueue(Plan plan, Map<String, Map<String, Object>> params, String requestedBy,
                         IdempotencyKey idempotencyKey) {
        return store.batches().enqueue(batch(plan, params, requestedBy, BatchOrigin.ENQUEUE), idempotencyKey);
    }

    /** The batch a plan makes, with its params merged and checked, as {@link #enqueue} would write it. */
    public NewBatch batch(Plan plan, Map<String, Map<String, Object>> params, String requestedBy, BatchOrigin origin) {
        return new NewBatch(plan.scope().wireName(), scopeValue(plan), requestedBy, specs(plan, params), origin);
    }

    List<RunSpec> specs(Plan plan, Map<String, Map<String, Object>> params) {
        Map<String, Integer> positions = new HashMap<>();
        List<PlanEntry> entries = plan.entries();
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i).jobName(), i);
        }
        for (String job : params.keySet()) {
            if (!positions.containsKey(job)) {
                throw new InvalidParamsException("Params given for " + job
                        + ", which is not in this plan (" + plan.summary() + ")");
            }
        }
        List<RunSpec> specs = new ArrayList<>(entries.size());
        for (PlanEntry entry : entries) {
            JobDefinition job = catalog.job(entry.jobName()).orElseThrow();
            List<Integer> upstream = job.dependencies().stream().map(positions::get).sorted().toList();
            Map<String, Object> merged = JobParams.merge(job, params.get(job.name()));
            requireStorable(job.name(), merged);
            specs.add(new RunSpec(job.name(), entry.group(), upstream, merged,
                    job.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : job.maxAttempts(),
                    1000L * (job.retryDelaySeconds() == null ? DEFAULT_RETRY_DELAY_SECONDS : job.retryDelaySeconds()),
                    job.timeoutSeconds() == null ? 0 : 1000L * job.timeoutSeconds()));
        }
        return specs;
    }

    private static void requireStorable(String job, Map<String, Object> params) {
        int length = ParamsJson.write(params).length();
        if (length > MAX_PARAMS_CHARS) {
            throw new InvalidParamsException("Job " + job + ": params are " + length
                    + " characters as JSON; a run takes at most " + MAX_PARAMS_CHARS);
        }
    }

    private static String scopeValue(Plan plan) {
        return switch (plan.scope()) {
            case ALL -> null;
            case GROUP -> plan.group().orElseThrow();
            case JOBS -> String.join(",", plan.requestedJobs());
        };
    }
}
