package org.jobdeck.core.plan;

import java.util.List;

/**
 * One job of a plan.
 *
 * @param position   1-based; every job comes after all of its dependencies
 * @param requiredBy the jobs of this plan that depend on this one directly, in declaration order
 * @param wave       0 without a dependency in the plan, else 1 + the highest wave among them;
 *                   jobs of one wave can run in parallel
 */
public record PlanEntry(int position, String jobName, String group, InclusionReason reason,
                        List<String> requiredBy, int wave) {
}
