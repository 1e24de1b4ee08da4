package org.jobdeck.api;

import java.util.List;

/**
 * What to plan or enqueue: every job, one group, or named jobs.
 *
 * @param scope "all", "group" or "jobs"
 */
public record PlanRequest(String scope, String group, List<String> jobs) {
    public PlanRequest {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public static PlanRequest all() {
        return new PlanRequest("all", null, List.of());
    }

    public static PlanRequest group(String group) {
        return new PlanRequest("group", group, List.of());
    }

    public static PlanRequest jobs(List<String> jobs) {
        return new PlanRequest("jobs", null, jobs);
    }
}
