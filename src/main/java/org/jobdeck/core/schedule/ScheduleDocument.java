package org.jobdeck.core.schedule;

import java.util.List;

/**
 * Schedules as read from JSON, with every problem found: a face shows all of them at once, and
 * {@code schedule apply} changes nothing unless there is none.
 *
 * @param origin    where they came from: a file path, "request body"
 * @param schedules the schedules that were read without a problem, in document order
 * @param problems  every problem, one line each, in document order
 */
public record ScheduleDocument(String origin, List<Schedule> schedules, List<ScheduleProblem> problems) {
    public ScheduleDocument {
        schedules = List.copyOf(schedules);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** @throws InvalidSchedulesException carrying every problem, if there is any */
    public List<Schedule> toSchedules() {
        if (!isValid()) {
            throw new InvalidSchedulesException(problems);
        }
        return schedules;
    }
}
