package org.jobdeck.core.schedule;

import org.jobdeck.core.catalog.CatalogException;

/**
 * One thing wrong with a schedule's value, as the one line an operator reads, and the field it
 * belongs to. Like every core error it is a {@link CatalogException}, so the faces map it the same
 * way (CLI exit 2, REST 400).
 */
public class ScheduleException extends CatalogException {
    private final ScheduleField field;

    public ScheduleException(ScheduleField field, String message) {
        super(message);
        this.field = field;
    }

    public ScheduleField field() {
        return field;
    }

    /** The problem as a value, for lists of problems. */
    public ScheduleProblem problem() {
        return new ScheduleProblem(field, getMessage());
    }
}
