package org.jobdeck.core.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that failed validation, carrying every problem found, never just the first. */
public final class InvalidCatalogException extends CatalogException {
    private final transient List<CatalogProblem> problems;

    public InvalidCatalogException(List<CatalogProblem> problems) {
        super(problems.stream().map(CatalogProblem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
