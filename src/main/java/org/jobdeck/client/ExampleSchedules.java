package org.jobdeck.client;

import java.time.Instant;
import java.util.List;
import org.jobdeck.core.schedule.CronExpression;
import org.jobdeck.core.schedule.Pause;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleName;
import org.jobdeck.core.schedule.ScheduleTarget;
import org.jobdeck.core.schedule.ScheduleZone;
import org.jobdeck.core.schedule.SqlProbe;
import org.jobdeck.queue.store.ScheduleStore;

/**
 * The seed's best practice #2, as two paused schedules on a new database of the built-in catalog:
 * {@code nightly-maintenance} (03:00, group maintenance) and {@code nightly-search} (03:00, group
 * search, only if the demo data's users or interests changed). A newcomer sees them and enables
 * them with one click; once removed, they do not come back.
 */
final class ExampleSchedules {
    static final String MARKER = "example-schedules";
    static final String SEARCH_PROBE = "SELECT COUNT(*), COALESCE(MAX(created_at), 0),"
            + " (SELECT COUNT(*) FROM demo.user_interests) FROM demo.users";

    private ExampleSchedules() {
    }

    static void ensure(ScheduleStore schedules, Instant now) {
        Pause paused = new Pause("jobdeck", now, "an example from the seed: resume it to run it nightly");
        schedules.seedOnce(MARKER, List.of(
                Schedule.builder(ScheduleName.of("nightly-maintenance"), ScheduleTarget.group("maintenance"),
                        CronExpression.parse("0 3 * * *")).zone(ScheduleZone.systemDefault()).pause(paused).build(),
                Schedule.builder(ScheduleName.of("nightly-search"), ScheduleTarget.group("search"),
                        CronExpression.parse("0 3 * * *")).zone(ScheduleZone.systemDefault())
                        .condition(SqlProbe.of(SEARCH_PROBE)).pause(paused).build()));
    }
}
