package org.jobdeck.ui.main;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobdeck.core.catalog.CatalogValidation;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.graph.JobGraph;

/** Turns a catalog as read (valid or not) into the main window's groups and rows. */
final class CatalogRows {
    private CatalogRows() {
    }

    static List<JobRow> rows(CatalogValidation catalog) {
        JobGraph graph = catalog.graph();
        List<JobDefinition> jobs = catalog.jobs();
        List<JobRow> rows = new ArrayList<>(jobs.size());
        for (int j = 0; j < jobs.size(); j++) {
            JobDefinition job = jobs.get(j);
            List<String> neededBy = new ArrayList<>();
            for (int k = 0; k < graph.dependentCount(j); k++) {
                neededBy.add(jobs.get(graph.dependent(j, k)).name());
            }
            rows.add(new JobRow(job.name(), nullToEmpty(job.description()), nullToEmpty(job.group()),
                    String.join(", ", job.dependencies()), String.join(", ", neededBy),
                    job.defaultParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")),
                    String.join("\n", job.examples())));
        }
        return rows;
    }

    static List<GroupItem> groups(CatalogValidation catalog) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        catalog.groups().forEach(group -> counts.put(group.name(), 0));
        for (JobDefinition job : catalog.jobs()) {
            if (job.group() != null) {
                counts.merge(job.group(), 1, Integer::sum);
            }
        }
        List<GroupItem> items = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        catalog.groups().forEach(group -> titles.put(group.name(), group.title()));
        counts.forEach((name, count) -> items.add(new GroupItem(name, titles.getOrDefault(name, name), count)));
        items.add(GroupItem.all(catalog.jobs().size()));
        return items;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
