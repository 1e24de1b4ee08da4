package org.jobdeck.core.catalog;

import java.util.List;

/**
 * One thing wrong with a catalog, as the one line an operator reads.
 *
 * @param cycle for a circular dependency, the closed path of job names (first == last);
 *              empty for every other problem. The console draws these edges in an error colour.
 */
public record CatalogProblem(String message, List<String> cycle) {
    public CatalogProblem {
        cycle = List.copyOf(cycle);
    }

    public static CatalogProblem of(String message) {
        return new CatalogProblem(message, List.of());
    }

    public static CatalogProblem cycle(List<String> path) {
        return new CatalogProblem(
                "Circular dependency detected: " + String.join(" -> ", path), path);
    }

    @Override
    public String toString() {
        return message;
    }
}
