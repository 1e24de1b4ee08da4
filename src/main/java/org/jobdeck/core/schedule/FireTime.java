package org.jobdeck.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One fire of a schedule: when it happens, and which slots it stands for.
 *
 * <p>The fire's {@link #instant()} is the slot's identity: the storage records a fire under its
 * (schedule, instant), so every slot fires exactly once, DST or not.
 *
 * @param at             when it fires, with the zone's offset at that instant
 *                       (for example {@code 2027-03-28T03:00+02:00[Europe/Berlin]})
 * @param adjustment     how Jobdeck's DST rule placed it
 * @param firstSlot      the first local slot it stands for: {@code at}'s local time, or for a
 *                       fire moved out of a gap the first slot the gap skipped
 * @param lastSlot       the last local slot it stands for: the same, or the gap's last skipped slot
 * @param slotCount      1, or for a fire moved out of a gap how many slots the gap skipped: all
 *                       of them fire together, as this one fire
 * @param mergedWithSlot for a fire moved out of a gap, whether the expression also selects the
 *                       gap's end ({@code at}'s local time), so that this one fire is that slot's too
 */
public record FireTime(ZonedDateTime at, DstAdjustment adjustment, LocalDateTime firstSlot,
                       LocalDateTime lastSlot, long slotCount, boolean mergedWithSlot) {
    public FireTime {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(firstSlot, "firstSlot");
        Objects.requireNonNull(lastSlot, "lastSlot");
    }

    static FireTime plain(ZonedDateTime at, DstAdjustment adjustment) {
        return new FireTime(at, adjustment, at.toLocalDateTime(), at.toLocalDateTime(), 1, false);
    }

    public Instant instant() {
        return at.toInstant();
    }
}
