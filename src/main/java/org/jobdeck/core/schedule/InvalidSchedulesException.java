package org.jobdeck.core.schedule;

import java.util.List;
import java.util.stream.Collectors;
import org.jobdeck.core.catalog.CatalogException;

/** A schedule file or draft that failed, carrying every problem found, never just the first. */
public final class InvalidSchedulesException extends CatalogException {
    private final transient List<ScheduleProblem> problems;

    public InvalidSchedulesException(List<ScheduleProblem> problems) {
        super(problems.stream().map(ScheduleProblem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScheduleProblem> problems() {
        return problems;
    }
}
