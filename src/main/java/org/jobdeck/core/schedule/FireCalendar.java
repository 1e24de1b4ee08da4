package org.jobdeck.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a cron expression fires in an IANA zone, with Jobdeck's DST rule ({@link DstAdjustment}).
 *
 * <p>The expression selects wall-clock slots ({@link CronMatcher}); this class maps each to an
 * instant: a slot that exists once fires then; a slot in a spring-forward gap fires at the gap's
 * end, all slots of one gap as one fire; a slot a fall-back repeats fires at its first occurrence
 * only. The mapping never decreases, so fire instants, and their local times, strictly increase.
 * No cron-utils time arithmetic is involved, so the rule is Jobdeck's alone.
 *
 * <p>Pure and immutable: every answer depends only on the instants given. Safe from any thread.
 */
public final class FireCalendar {
    private final CronExpression cron;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final CronMatcher matcher;

    public FireCalendar(CronExpression cron, ZoneId zone) {
        this.cron = Objects.requireNonNull(cron, "cron");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.matcher = cron.matcher();
    }

    public CronExpression cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The first fire strictly after {@code after}. Present whenever the expression fires within
     * 400 years, which every parsed expression does (one that never fires is refused).
     */
    public Optional<FireTime> next(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        LocalDateTime start = local.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        List<ZoneOffset> offsets = rules.getValidOffsets(local.toLocalDateTime());
        if (offsets.size() == 2 && local.getOffset().equals(offsets.get(1))) {
            // In the repeat of a fall-back: the repeated slots fired at their first occurrence.
            start = rules.getTransition(local.toLocalDateTime()).getDateTimeBefore();
        }
        for (LocalDateTime slot = matcher.firstAtOrAfter(start); slot != null;
             slot = matcher.firstAtOrAfter(slot.plusSeconds(1))) {
            Instant instant = instantOf(slot);
            if (instant.isAfter(after)) {
                return Optional.of(fireTime(slot, instant));
            }
        }
        return Optional.empty();
    }

    /** The last fire strictly before {@code before}, if there is one within 400 years. */
    public Optional<FireTime> previous(Instant before) {
        ZonedDateTime local = before.atZone(zone);
        LocalDateTime bound = local.toLocalDateTime();
        List<ZoneOffset> offsets = rules.getValidOffsets(bound);
        if (offsets.size() == 2 && local.getOffset().equals(offsets.get(1))) {
            bound = rules.getTransition(bound).getDateTimeBefore();
        }
        for (LocalDateTime slot = matcher.lastBefore(bound); slot != null; slot = matcher.lastBefore(bound)) {
            Instant instant = instantOf(slot);
            if (instant.isBefore(before)) {
                return Optional.of(fireTime(slot, instant));
            }
            ZoneOffsetTransition gap = rules.getTransition(slot);
            bound = gap != null && gap.isGap() ? gap.getDateTimeBefore() : slot;
        }
        return Optional.empty();
    }

    /** The next {@code count} fires strictly after {@code after}. */
    public List<FireTime> next(Instant after, int count) {
        List<FireTime> fires = new ArrayList<>(Math.min(count, 1024));
        Instant cursor = after;
        while (fires.size() < count) {
            Optional<FireTime> fire = next(cursor);
            if (fire.isEmpty()) {
                break;
            }
            fires.add(fire.get());
            cursor = fire.get().instant();
        }
        return fires;
    }

    /** The fires in (after, upTo], at most {@code limit} of them, oldest first. */
    public List<FireTime> between(Instant after, Instant upTo, int limit) {
        List<FireTime> fires = new ArrayList<>();
        Instant cursor = after;
        while (fires.size() < limit) {
            Optional<FireTime> fire = next(cursor).filter(f -> !f.instant().isAfter(upTo));
            if (fire.isEmpty()) {
                break;
            }
            fires.add(fire.get());
            cursor = fire.get().instant();
        }
        return fires;
    }

    /**
     * How many fires lie in (after, upTo], without listing them: a year of a per-second schedule
     * costs a few milliseconds, not 31 million steps.
     */
    public long count(Instant after, Instant upTo) {
        return new FireCounter(rules, zone, matcher).count(after, upTo);
    }

    /** The instant a slot fires at, by the DST rule; non-decreasing in the slot. */
    Instant instantOf(LocalDateTime slot) {
        List<ZoneOffset> offsets = rules.getValidOffsets(slot);
        if (offsets.isEmpty()) {
            return rules.getTransition(slot).getInstant();
        }
        return slot.toInstant(offsets.get(0));
    }

    private FireTime fireTime(LocalDateTime slot, Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        List<ZoneOffset> offsets = rules.getValidOffsets(slot);
        if (offsets.size() == 2) {
            return FireTime.plain(at, DstAdjustment.FIRST_OF_REPEATED);
        }
        ZoneOffsetTransition gap = offsets.isEmpty() ? rules.getTransition(slot) : gapEndingAt(instant);
        if (gap == null) {
            return FireTime.plain(at, DstAdjustment.NONE);
        }
        LocalDateTime first = matcher.firstAtOrAfter(gap.getDateTimeBefore());
        if (first == null || !first.isBefore(gap.getDateTimeAfter())) {
            return FireTime.plain(at, DstAdjustment.NONE);
        }
        // Bounded by the slots one gap holds: 3,600 for a per-second schedule and a one-hour gap.
        LocalDateTime last = first;
        long count = 0;
        for (LocalDateTime s = first; s != null && s.isBefore(gap.getDateTimeAfter());
             s = matcher.firstAtOrAfter(s.plusSeconds(1))) {
            last = s;
            count++;
        }
        return new FireTime(at, DstAdjustment.MOVED_OUT_OF_GAP, first, last, count,
                matcher.matches(gap.getDateTimeAfter()));
    }

    /** The spring-forward transition whose gap ends exactly at {@code instant}, or null. */
    private ZoneOffsetTransition gapEndingAt(Instant instant) {
        ZoneOffsetTransition transition = rules.previousTransition(instant.plusNanos(1));
        return transition != null && transition.isGap() && transition.getInstant().equals(instant)
                ? transition : null;
    }
}
