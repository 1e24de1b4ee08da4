package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanEntry;

/**
 * A plan as {@code jobdeck plan --json} and {@code GET /api/admin/jobs/plan} print it:
 * {@code {"scope":"group","group":"feed","count":6,"jobs":[{"position":1,…}]}}.
 *
 * @param group     present only for the group scope
 * @param requested present only for the jobs scope: the jobs that were named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(String scope, String group, List<String> requested, int count,
                       String summary, List<Job> jobs) {

    public record Job(int position, String jobName, String group, String reason,
                      List<String> requiredBy, int wave) {
        static Job of(PlanEntry entry) {
            return new Job(entry.position(), entry.jobName(), entry.group(),
                    entry.reason().wireName(), List.copyOf(entry.requiredBy()), entry.wave());
        }
    }

    public static PlanView of(Plan plan) {
        return new PlanView(plan.scope().wireName(), plan.group().orElse(null),
                plan.requestedJobs().isEmpty() ? null : plan.requestedJobs(), plan.size(),
                plan.summary(), plan.entries().stream().map(Job::of).toList());
    }
}
