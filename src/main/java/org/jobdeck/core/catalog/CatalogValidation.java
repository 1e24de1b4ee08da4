package org.jobdeck.core.catalog;

import java.util.List;
import java.util.Map;
import org.jobdeck.core.graph.JobGraph;

/**
 * What validation learned about a set of definitions.
 *
 * @param groups   the declared (or inferred) groups
 * @param jobs     the first job of each name, in declaration order; graph index i is jobs.get(i)
 * @param index    job name to graph index
 * @param graph    dependencies between {@code jobs}, missing ones left out
 * @param problems every problem, in the order an operator should read them
 */
public record CatalogValidation(List<JobGroup> groups, List<JobDefinition> jobs,
                                Map<String, Integer> index, JobGraph graph,
                                List<CatalogProblem> problems) {
    public CatalogValidation {
        groups = List.copyOf(groups);
        jobs = List.copyOf(jobs);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
