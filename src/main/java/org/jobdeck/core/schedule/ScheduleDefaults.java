package org.jobdeck.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a schedule read from JSON gets for what it leaves out: the zone (the system's, resolved at
 * creation and then stored explicitly), and who paused it and when, for a schedule marked
 * {@code "paused": true} without saying.
 *
 * @param zone  the zone of a schedule without one
 * @param actor who pauses a schedule the file pauses without {@code pausedBy}, e.g. "apply"
 * @param now   when, for one without {@code pausedAt}
 */
public record ScheduleDefaults(ZoneId zone, String actor, Instant now) {
    public ScheduleDefaults {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
    }

    /** The system zone and the clock's now. */
    public static ScheduleDefaults of(String actor, Clock clock) {
        return new ScheduleDefaults(ScheduleZone.systemDefault(), actor, clock.instant());
    }
}
