package org.jobdeck.ui.graph;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.plan.DependencyResolver;

/** The graphs the tests draw: the default catalog, its feed plan, and a catalog with a cycle. */
final class TestGraphs {
    /** job-a -> job-b -> job-c -> job-a is a cycle; job-d needs job-a but is not on it. */
    static final String CYCLIC_CATALOG = """
            {
              "groups": [{"name": "g", "title": "G", "purpose": "testing"},
                         {"name": "h", "title": "H", "purpose": "testing"}],
              "jobs": [
                {"name": "job-a", "description": "A", "group": "g", "dependencies": ["job-b"], "examples": []},
                {"name": "job-b", "description": "B", "group": "g", "dependencies": ["job-c"], "examples": []},
                {"name": "job-c", "description": "C", "group": "h", "dependencies": ["job-a"], "examples": []},
                {"name": "job-d", "description": "D", "group": "h", "dependencies": ["job-a"], "examples": []}
              ]
            }
            """;

    private TestGraphs() {
    }

    static GraphModel defaultCatalog() {
        CatalogDocument document = CatalogReader.readDefault();
        return GraphModel.ofCatalog(document.validation(), document.problems());
    }

    static GraphModel feedPlan() {
        JobCatalog catalog = CatalogReader.readDefault().toCatalog();
        Map<String, JobDefinition> jobs = catalog.jobs().stream()
                .collect(Collectors.toMap(JobDefinition::name, Function.identity()));
        return GraphModel.ofPlan(new DependencyResolver(catalog).resolveGroup("feed"), jobs);
    }

    static GraphModel cyclicCatalog() {
        CatalogDocument document = CatalogReader.parse(CYCLIC_CATALOG, "cyclic.json");
        return GraphModel.ofCatalog(document.validation(), document.problems());
    }
}
