package org.jobdeck.api;

import java.util.List;
import org.jobdeck.core.plan.GroupSummary;

/**
 * Groups with counts, as {@code jobdeck groups --json} and {@code GET /api/admin/jobs/groups}
 * print them: {@code {"total":17,"groups":[{"group":"matching","count":3,…}]}}.
 */
public record GroupsView(int total, List<Group> groups) {
    public GroupsView {
        groups = List.copyOf(groups);
    }

    public record Group(String group, int count, String title, String purpose,
                        List<String> dependsOnGroups) {
        public Group {
            dependsOnGroups = List.copyOf(dependsOnGroups);
        }
    }

    public static GroupsView of(List<GroupSummary> summaries) {
        List<Group> groups = summaries.stream()
                .map(s -> new Group(s.name(), s.count(), s.title(), s.purpose(), s.dependsOnGroups()))
                .toList();
        return new GroupsView(groups.stream().mapToInt(Group::count).sum(), groups);
    }
}
