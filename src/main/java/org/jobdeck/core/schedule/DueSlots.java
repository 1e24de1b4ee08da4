package org.jobdeck.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler should do about one schedule when it looks at it: the slots to record as
 * {@code missed}, at most one slot to fire now, and the next slot. A pure function of the
 * instants given, so it is tested with instants alone and every process computes the same answer
 * (the storage layer's unique (schedule, slot) fire record then lets only one of them act on it).
 *
 * <p><b>The rule.</b> Let the due slots be the fires in (lastRecorded, now].
 * <ul>
 *   <li>The latest due slot at or after {@code now - lateness} is on time: it fires normally,
 *       whatever the misfire policy.</li>
 *   <li>Otherwise, with {@link MisfirePolicy#ONCE}, the latest due slot fires as the one
 *       catch-up for every slot missed within the grace period, if it is within it
 *       ({@code slot >= now - grace}); with {@link MisfirePolicy#SKIP}, or when even the latest
 *       slot is older than the grace period, none fires.</li>
 *   <li>Every other due slot is missed.</li>
 * </ul>
 *
 * <p><b>Bounded.</b> A process down for a year under a per-second schedule has 31 million due
 * slots. Only the latest {@link #RECORDED_MISSES} missed slots are listed one by one
 * ({@link #missed}); the older ones become one {@link MissedRange} with their count, counted
 * without listing them. The work is one day-by-day count and at most 101 steps back from now.
 *
 * <p><b>For the storage layer.</b> Pass as {@code lastRecorded} the latest slot with any fire
 * record, or the schedule's creation instant when it has none; a slot exactly at that instant is
 * not due again. A schedule resumed after a pause should pass its resume instant (or record its
 * paused slots first), or its paused slots within the grace period would be caught up.
 *
 * @param missed the missed slots to record one by one, oldest first, at most {@link #RECORDED_MISSES}
 * @param older  the missed slots older than those, as one range, if any
 * @param fire   the slot to fire now, if any
 * @param next   the first slot after {@code now} (and after {@code lastRecorded})
 */
public record DueSlots(List<FireTime> missed, Optional<MissedRange> older, Optional<DueFire> fire,
                       Optional<FireTime> next) {
    /** How many missed slots are recorded one by one before the rest are summarised. */
    public static final int RECORDED_MISSES = 100;

    public DueSlots {
        missed = List.copyOf(missed);
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(fire, "fire");
        Objects.requireNonNull(next, "next");
    }

    /**
     * @param lastRecorded the latest slot already recorded, or the schedule's creation instant
     * @param lateness     how late a slot may be seen and still fire on time; zero or more
     */
    public static DueSlots reckon(FireCalendar calendar, MisfirePolicy policy, Duration grace,
                                  Instant lastRecorded, Instant now, Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative: " + lateness);
        }
        Optional<FireTime> next = calendar.next(now.isAfter(lastRecorded) ? now : lastRecorded);
        // The latest due slots, newest first: one that may fire and RECORDED_MISSES to record.
        List<FireTime> recent = new ArrayList<>();
        Instant cursor = now.plusNanos(1);
        while (recent.size() <= RECORDED_MISSES) {
            Optional<FireTime> slot = calendar.previous(cursor).filter(s -> s.instant().isAfter(lastRecorded));
            if (slot.isEmpty()) {
                break;
            }
            recent.add(slot.get());
            cursor = slot.get().instant();
        }
        if (recent.isEmpty()) {
            return new DueSlots(List.of(), Optional.empty(), Optional.empty(), next);
        }
        Optional<DueFire> fire = decide(recent.get(0), policy, grace, now, lateness);
        List<FireTime> missed = new ArrayList<>(recent.subList(fire.isPresent() ? 1 : 0, recent.size()));
        if (missed.size() > RECORDED_MISSES) {
            missed = missed.subList(0, RECORDED_MISSES);
        }
        List<FireTime> oldestFirst = new ArrayList<>(missed);
        Collections.reverse(oldestFirst);
        return new DueSlots(oldestFirst, older(calendar, lastRecorded, now, recent, fire, missed), fire, next);
    }

    private static Optional<DueFire> decide(FireTime latest, MisfirePolicy policy, Duration grace,
                                            Instant now, Duration lateness) {
        if (!latest.instant().isBefore(now.minus(lateness))) {
            return Optional.of(new DueFire(latest, false));
        }
        if (policy == MisfirePolicy.ONCE && !latest.instant().isBefore(now.minus(grace))) {
            return Optional.of(new DueFire(latest, true));
        }
        return Optional.empty();
    }

    /** The due slots older than those listed, when the walk back stopped at its bound. */
    private static Optional<MissedRange> older(FireCalendar calendar, Instant lastRecorded, Instant now,
                                               List<FireTime> recent, Optional<DueFire> fire,
                                               List<FireTime> missedNewestFirst) {
        if (recent.size() <= RECORDED_MISSES) {
            return Optional.empty();
        }
        long listed = missedNewestFirst.size() + (fire.isPresent() ? 1 : 0);
        long count = calendar.count(lastRecorded, now) - listed;
        if (count <= 0) {
            return Optional.empty();
        }
        Instant oldestListed = missedNewestFirst.get(missedNewestFirst.size() - 1).instant();
        return Optional.of(new MissedRange(calendar.next(lastRecorded).orElseThrow().instant(),
                calendar.previous(oldestListed).orElseThrow().instant(), count));
    }

    /** Whether there is nothing to record or fire. */
    public boolean isIdle() {
        return missed.isEmpty() && older.isEmpty() && fire.isEmpty();
    }

    /** A slot to fire now: on time, or as the catch-up for the slots missed within the grace period. */
    public record DueFire(FireTime slot, boolean catchUp) {
        public DueFire {
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** Missed slots summarised in one record: the first and last of them, and how many. */
    public record MissedRange(Instant first, Instant last, long count) {
        public MissedRange {
            if (count < 1 || last.isBefore(first)) {
                throw new IllegalArgumentException("an empty range: " + first + " .. " + last + " x" + count);
            }
        }
    }
}
