package org.jobdeck.api;

import java.util.List;

/** {@code {"schedules":[ScheduleView…]}}: {@code schedule list --json} and {@code GET /api/admin/schedules}. */
public record ScheduleList(List<ScheduleView> schedules) {
    public ScheduleList {
        schedules = List.copyOf(schedules);
    }
}
