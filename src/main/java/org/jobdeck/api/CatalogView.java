package org.jobdeck.api;

import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobGroup;

/** The catalog as {@code GET /api/admin/jobs} returns it: jobs and groups. */
public record CatalogView(List<Job> jobs, List<Group> groups) {
    public CatalogView {
        jobs = List.copyOf(jobs);
        groups = List.copyOf(groups);
    }

    public record Job(String name, String description, String group, List<String> dependencies,
                      Map<String, Object> defaultParams, List<String> examples) {
        public JobDefinition toDefinition() {
            return JobDefinition.of(name, description, group, dependencies, defaultParams, examples);
        }
    }

    public record Group(String name, String title, String purpose) {
    }

    public static CatalogView of(JobCatalog catalog) {
        return new CatalogView(
                catalog.jobs().stream().map(j -> new Job(j.name(), j.description(), j.group(),
                        j.dependencies(), j.defaultParams(), j.examples())).toList(),
                catalog.groups().stream().map(g -> new Group(g.name(), g.title(), g.purpose())).toList());
    }

    /** Rebuilds the catalog (validated), e.g. in a client that resolves plans locally. */
    public JobCatalog toCatalog() {
        return JobCatalog.of(groups.stream().map(g -> new JobGroup(g.name(), g.title(), g.purpose())).toList(),
                jobs.stream().map(Job::toDefinition).toList());
    }
}
