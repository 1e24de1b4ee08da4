package org.jobdeck.core.schedule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jobdeck.core.catalog.InvalidParamsException;
import org.jobdeck.core.catalog.JobParams;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanScope;

/**
 * What a schedule enqueues: the same selections as an enqueue ({@code --all}, {@code --group G},
 * {@code --job J…}) plus per-job param overrides ({@code --param JOB.KEY=VALUE}).
 *
 * <p>The constructor checks the shape (a group for {@code group}, jobs for {@code jobs}, params
 * that are numbers, strings or booleans); {@link #resolve} checks it against a catalog, as an
 * enqueue does. Whole numbers are kept as {@code Long} and others as {@code Double}, so a target
 * read back from JSON equals the one written.
 *
 * @param group  the group, for scope {@code group}; null otherwise
 * @param jobs   the jobs named, in order, for scope {@code jobs}; empty otherwise
 * @param params per job name, the params overriding its defaults; keeps order
 */
public record ScheduleTarget(PlanScope scope, String group, List<String> jobs,
                             Map<String, Map<String, Object>> params) {
    public ScheduleTarget {
        Objects.requireNonNull(scope, "scope");
        jobs = List.copyOf(jobs == null ? List.of() : jobs);
        switch (scope) {
            case ALL -> require(group == null && jobs.isEmpty(), "scope all takes no group and no jobs");
            case GROUP -> require(group != null && !group.isBlank() && jobs.isEmpty(),
                    "scope group takes one group and no jobs");
            case JOBS -> require(group == null && !jobs.isEmpty(), "scope jobs takes at least one job and no group");
        }
        require(jobs.stream().noneMatch(String::isBlank), "a job name is blank");
        require(new HashSet<>(jobs).size() == jobs.size(), "a job is named twice");
        params = copyParams(params);
    }

    public static ScheduleTarget all() {
        return new ScheduleTarget(PlanScope.ALL, null, List.of(), Map.of());
    }

    public static ScheduleTarget group(String group) {
        return new ScheduleTarget(PlanScope.GROUP, group, List.of(), Map.of());
    }

    public static ScheduleTarget jobs(List<String> jobs) {
        return new ScheduleTarget(PlanScope.JOBS, null, jobs, Map.of());
    }

    public ScheduleTarget withParams(Map<String, Map<String, Object>> perJob) {
        return new ScheduleTarget(scope, group, jobs, perJob);
    }

    /**
     * The plan this target enqueues now, checked as an enqueue checks it: the group or jobs exist,
     * every job given params is in the plan, and every param fits its default's type.
     *
     * @throws org.jobdeck.core.catalog.CatalogException (unknown group or job, bad param), one line
     */
    public Plan resolve(DependencyResolver resolver) {
        Plan plan = switch (scope) {
            case ALL -> resolver.resolveAll();
            case GROUP -> resolver.resolveGroup(group);
            case JOBS -> resolver.resolveJobs(jobs);
        };
        Set<String> planned = new HashSet<>(plan.jobNames());
        params.forEach((job, values) -> {
            if (!planned.contains(job)) {
                throw new InvalidParamsException("Params given for " + job
                        + ", which is not in this plan (" + plan.summary() + ")");
            }
            JobParams.merge(resolver.catalog().job(job).orElseThrow(), values);
        });
        return plan;
    }

    /** "group maintenance", "all jobs", "jobs a, b": how faces show a target in one cell. */
    public String summary() {
        return switch (scope) {
            case ALL -> "all jobs";
            case GROUP -> "group " + group;
            case JOBS -> (jobs.size() == 1 ? "job " : "jobs ") + String.join(", ", jobs);
        };
    }

    private static Map<String, Map<String, Object>> copyParams(Map<String, Map<String, Object>> given) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((job, values) -> {
                requireParam(job != null && !job.isBlank(), "params name a blank job");
                Map<String, Object> inner = new LinkedHashMap<>();
                if (values != null) {
                    values.forEach((key, value) -> {
                        requireParam(key != null && !key.isBlank(), "params of " + job + " have a blank key");
                        inner.put(key, paramValue(job, key, value));
                    });
                }
                copy.put(job, Collections.unmodifiableMap(inner));
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object paramValue(String job, String key, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            requireParam(Double.isFinite(d), "param " + job + "." + key + " is not a finite number");
            return d;
        }
        throw new ScheduleException(ScheduleField.PARAMS, "Invalid params: " + job + "." + key
                + " must be a number, string or boolean, got " + (value == null ? "null" : value));
    }

    private static void requireParam(boolean condition, String problem) {
        if (!condition) {
            throw new ScheduleException(ScheduleField.PARAMS, "Invalid params: " + problem);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new ScheduleException(ScheduleField.TARGET, "Invalid target: " + problem);
        }
    }
}
