package org.jobdeck.core.plan;

import java.util.List;

/**
 * A group with its job count and the other groups its jobs depend on directly.
 *
 * @param dependsOnGroups in group declaration order
 */
public record GroupSummary(String name, String title, String purpose, int count,
                           List<String> dependsOnGroups) {
    public GroupSummary {
        dependsOnGroups = List.copyOf(dependsOnGroups);
    }
}
