package org.jobdeck.core.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jobdeck.core.graph.JobGraph;

/**
 * A catalog as read from its source, valid or not. The console shows an invalid one (its jobs,
 * its graph with cycles marked, and its problems) instead of refusing to open.
 *
 * @param origin     where it came from: a file path or "default catalog"
 * @param validation the groups, jobs and graph that could be read
 * @param problems   every problem: structural ones first, then validation's
 */
public record CatalogDocument(String origin, CatalogValidation validation,
                              List<CatalogProblem> problems) {
    public CatalogDocument {
        problems = List.copyOf(problems);
    }

    static CatalogDocument of(String origin, List<CatalogProblem> structural,
                              CatalogValidation validation) {
        List<CatalogProblem> all = new ArrayList<>(structural);
        all.addAll(validation.problems());
        return new CatalogDocument(origin, validation, all);
    }

    static CatalogDocument unreadable(String origin, CatalogProblem problem) {
        CatalogValidation nothing = new CatalogValidation(List.of(), List.of(), new HashMap<>(),
                JobGraph.of(new int[0][]), List.of());
        return new CatalogDocument(origin, nothing, List.of(problem));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * @throws InvalidCatalogException carrying every problem, if there is any
     */
    public JobCatalog toCatalog() {
        if (!isValid()) {
            throw new InvalidCatalogException(problems);
        }
        return JobCatalog.from(validation);
    }
}
