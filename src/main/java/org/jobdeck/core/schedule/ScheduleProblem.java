package org.jobdeck.core.schedule;

import java.util.Objects;

/**
 * One thing wrong with a schedule, as the one line an operator reads.
 *
 * @param field the field it belongs to, or null for the document as a whole (bad JSON)
 */
public record ScheduleProblem(ScheduleField field, String message) {
    public ScheduleProblem {
        Objects.requireNonNull(message, "message");
    }

    /** The same problem with a prefix saying where: "Schedule nightly: " + message. */
    ScheduleProblem at(String where) {
        return new ScheduleProblem(field, where + ": " + message);
    }

    @Override
    public String toString() {
        return message;
    }
}
