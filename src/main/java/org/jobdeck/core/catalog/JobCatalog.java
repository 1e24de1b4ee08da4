package org.jobdeck.core.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobdeck.core.graph.JobGraph;

/**
 * A validated, immutable catalog: groups, jobs in declaration order, and their dependency graph.
 * A {@code JobCatalog} exists only if it passed validation, so everything built on it may assume
 * unique names, known groups, existing dependencies and no cycle.
 */
public final class JobCatalog {
    private final List<JobGroup> groups;
    private final List<JobDefinition> jobs;
    private final Map<String, Integer> jobIndex;
    private final Map<String, Integer> groupIndex;
    private final int[] groupOfJob;
    private final JobGraph graph;

    private JobCatalog(CatalogValidation validation) {
        this.groups = validation.groups();
        this.jobs = validation.jobs();
        this.jobIndex = validation.index();
        this.graph = validation.graph();
        this.groupIndex = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            groupIndex.put(groups.get(g).name(), g);
        }
        this.groupOfJob = new int[jobs.size()];
        for (int j = 0; j < jobs.size(); j++) {
            groupOfJob[j] = groupIndex.get(jobs.get(j).group());
        }
    }

    /**
     * Validates and builds a catalog.
     *
     * @param groups the declared groups, or null to infer them from the jobs
     * @throws InvalidCatalogException with every problem, if there is any
     */
    public static JobCatalog of(List<JobGroup> groups, List<JobDefinition> jobs) {
        return from(CatalogValidator.validate(groups, jobs));
    }

    static JobCatalog from(CatalogValidation validation) {
        if (!validation.isValid()) {
            throw new InvalidCatalogException(validation.problems());
        }
        return new JobCatalog(validation);
    }

    public List<JobGroup> groups() {
        return groups;
    }

    public List<JobDefinition> jobs() {
        return jobs;
    }

    public int size() {
        return jobs.size();
    }

    public JobDefinition job(int index) {
        return jobs.get(index);
    }

    public Optional<JobDefinition> job(String name) {
        Integer i = jobIndex.get(name);
        return i == null ? Optional.empty() : Optional.of(jobs.get(i));
    }

    /** The job's declaration index, or -1. */
    public int indexOf(String jobName) {
        Integer i = jobIndex.get(jobName);
        return i == null ? -1 : i;
    }

    public int requireIndex(String jobName) {
        int i = indexOf(jobName);
        if (i < 0) {
            throw new UnknownJobException(jobName, Suggestions.knownJobsHint(jobName, jobs));
        }
        return i;
    }

    public Optional<JobGroup> group(String name) {
        Integer g = groupIndex.get(name);
        return g == null ? Optional.empty() : Optional.of(groups.get(g));
    }

    /** The group's declaration index. */
    public int requireGroupIndex(String groupName) {
        Integer g = groupIndex.get(groupName);
        if (g == null) {
            throw new UnknownGroupException(groupName, Suggestions.knownGroups(groups));
        }
        return g;
    }

    /** The declaration index of the job's group. */
    public int groupIndexOf(int jobIndex) {
        return groupOfJob[jobIndex];
    }

    public JobGraph graph() {
        return graph;
    }
}
