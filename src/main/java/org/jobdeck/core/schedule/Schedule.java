package org.jobdeck.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A schedule: a target enqueued on a cron in a zone, with its misfire and overlap policies, an
 * optional only-if-changed condition, and whether it is paused. A {@code Schedule} is always
 * valid: each part checks itself when built, and this record checks the rest.
 *
 * <p>Build one with {@link #builder}, which fills in the defaults: the system zone (resolved then,
 * and stored explicitly), misfire {@code once}, a grace period of one hour, overlap {@code skip},
 * no condition, not paused.
 *
 * @param condition the only-if-changed probe, or null
 * @param pause     why it is paused, or null when it is active
 */
public record Schedule(ScheduleName name, ScheduleTarget target, CronExpression cron, ZoneId zone,
                       MisfirePolicy misfire, Duration grace, OverlapPolicy overlap,
                       ChangeProbe condition, Pause pause) {
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /** @throws ScheduleException for a missing part, or a grace period that is not positive */
    public Schedule {
        require(name, ScheduleField.NAME, "Missing schedule name");
        require(target, ScheduleField.TARGET, "Missing target: give a group, jobs, or all");
        require(cron, ScheduleField.CRON, "Missing cron expression");
        require(zone, ScheduleField.ZONE, "Missing zone");
        // An offset such as ZoneOffset.UTC would not read back: stored, a zone is its IANA name.
        zone = ScheduleZone.ianaOf(zone);
        require(misfire, ScheduleField.MISFIRE, "Missing misfire policy");
        require(grace, ScheduleField.GRACE, "Missing grace period");
        require(overlap, ScheduleField.OVERLAP, "Missing overlap policy");
        checkGrace(grace);
    }

    /**
     * @throws ScheduleException (field {@link ScheduleField#GRACE}) unless it is positive and
     *         whole seconds (as it is stored and written)
     */
    public static Duration checkGrace(Duration grace) {
        if (grace.isNegative() || grace.isZero()) {
            throw new ScheduleException(ScheduleField.GRACE, "Invalid grace period "
                    + grace.toSeconds() + " s: it must be positive");
        }
        if (grace.getNano() != 0) {
            throw new ScheduleException(ScheduleField.GRACE, "Invalid grace period " + grace
                    + ": use whole seconds");
        }
        return grace;
    }

    public static Builder builder(ScheduleName name, ScheduleTarget target, CronExpression cron) {
        return new Builder(name, target, cron);
    }

    /** A builder holding this schedule's every part, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name, target, cron).zone(zone).misfire(misfire).grace(grace).overlap(overlap)
                .condition(condition).pause(pause);
    }

    public boolean isPaused() {
        return pause != null;
    }

    /** The calendar of its fires: its cron in its zone, with Jobdeck's DST rule. */
    public FireCalendar calendar() {
        return new FireCalendar(cron, zone);
    }

    /**
     * What to do about this schedule's slots at {@code now}: which slots to record as missed,
     * which one (if any) to fire, and the next one. See {@link DueSlots#reckon}.
     *
     * @param lastRecorded the latest slot already recorded, or the schedule's creation instant
     * @param lateness     how late a slot may be and still fire on time (not as a misfire)
     */
    public DueSlots dueSlots(Instant lastRecorded, Instant now, Duration lateness) {
        return DueSlots.reckon(calendar(), misfire, grace, lastRecorded, now, lateness);
    }

    public Schedule paused(Pause newPause) {
        return new Schedule(name, target, cron, zone, misfire, grace, overlap, condition,
                Objects.requireNonNull(newPause, "pause"));
    }

    public Schedule resumed() {
        return new Schedule(name, target, cron, zone, misfire, grace, overlap, condition, null);
    }

    private static void require(Object value, ScheduleField field, String message) {
        if (value == null) {
            throw new ScheduleException(field, message);
        }
    }

    /** A schedule with Jobdeck's defaults, changed where asked. */
    public static final class Builder {
        private final ScheduleName name;
        private ScheduleTarget target;
        private CronExpression cron;
        private ZoneId zone;
        private MisfirePolicy misfire = MisfirePolicy.ONCE;
        private Duration grace = DEFAULT_GRACE;
        private OverlapPolicy overlap = OverlapPolicy.SKIP;
        private ChangeProbe condition;
        private Pause pause;

        private Builder(ScheduleName name, ScheduleTarget target, CronExpression cron) {
            this.name = name;
            this.target = target;
            this.cron = cron;
        }

        public Builder target(ScheduleTarget value) {
            this.target = value;
            return this;
        }

        public Builder cron(CronExpression value) {
            this.cron = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        public Builder misfire(MisfirePolicy value) {
            this.misfire = value;
            return this;
        }

        public Builder grace(Duration value) {
            this.grace = value;
            return this;
        }

        public Builder overlap(OverlapPolicy value) {
            this.overlap = value;
            return this;
        }

        public Builder condition(ChangeProbe value) {
            this.condition = value;
            return this;
        }

        public Builder pause(Pause value) {
            this.pause = value;
            return this;
        }

        public Schedule build() {
            return new Schedule(name, target, cron, zone == null ? ScheduleZone.systemDefault() : zone,
                    misfire, grace, overlap, condition, pause);
        }
    }
}
