package org.jobdeck.api;

import java.util.List;
import org.jobdeck.core.plan.PlanScope;

/**
 * What to plan or enqueue: every job, one group, or named jobs. A request is checked when it is
 * made, so every backend reports a missing scope or group alike.
 *
 * @param group the group, for {@link PlanScope#GROUP}; not blank
 * @param jobs  the named jobs, for {@link PlanScope#JOBS} (the resolver checks them)
 */
public record PlanRequest(PlanScope scope, String group, List<String> jobs) {
    static final String NO_SCOPE = "Unknown scope: none (use all, group or jobs)";

    public PlanRequest {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        if (scope == null) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, NO_SCOPE);
        }
        if (scope == PlanScope.GROUP && (group == null || group.isBlank())) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, "Name a group to plan");
        }
    }

    public static PlanRequest all() {
        return new PlanRequest(PlanScope.ALL, null, List.of());
    }

    public static PlanRequest group(String group) {
        return new PlanRequest(PlanScope.GROUP, group, List.of());
    }

    public static PlanRequest jobs(List<String> jobs) {
        return new PlanRequest(PlanScope.JOBS, null, jobs);
    }
}
