package org.jobdeck.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Counts the fires of a {@link FireCalendar} in an interval without listing them, so that a long
 * downtime of a fast schedule stays cheap to summarise.
 *
 * <p>The interval is cut into segments of one local day and one offset (cut at local midnights
 * and at transitions). Within a segment local seconds map one-to-one to instants, so its fires are
 * the day's slot times in the segment's local range, counted from bit sets. Two corrections give
 * the DST rule: a segment that begins inside a fall-back's repeat skips the repeated times (they
 * fired at their first occurrence), and a segment that begins at a spring-forward counts one fire
 * for the gap's slots unless the slot at the gap's end already is that fire.
 */
final class FireCounter {
    private static final int DAY_SECONDS = 86_400;

    private final ZoneRules rules;
    private final ZoneId zone;
    private final CronMatcher matcher;

    FireCounter(ZoneRules rules, ZoneId zone, CronMatcher matcher) {
        this.rules = rules;
        this.zone = zone;
        this.matcher = matcher;
    }

    /** Fires in (after, upTo]. */
    long count(Instant after, Instant upTo) {
        // Fires are whole seconds: (after, upTo] holds the same ones as [start, end).
        Instant start = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant end = upTo.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long total = 0;
        Instant cursor = start;
        while (cursor.isBefore(end)) {
            Instant segmentEnd = min(end, nextCut(cursor));
            total += countSegment(cursor, segmentEnd);
            cursor = segmentEnd;
        }
        return total;
    }

    /** The next local midnight or transition after {@code cursor}: always after it. */
    private Instant nextCut(Instant cursor) {
        LocalDateTime local = LocalDateTime.ofInstant(cursor, zone);
        ZonedDateTime midnight = local.toLocalDate().plusDays(1).atStartOfDay(zone);
        if (!midnight.toInstant().isAfter(cursor)) {
            // A fall-back over midnight: from the repeat, the next midnight is the repeated one.
            midnight = midnight.withLaterOffsetAtOverlap();
        }
        ZoneOffsetTransition transition = rules.nextTransition(cursor);
        Instant cut = transition == null ? midnight.toInstant() : min(midnight.toInstant(), transition.getInstant());
        // Any cut keeps one offset and one local day per segment; this one guarantees progress.
        return cut.isAfter(cursor) ? cut : cursor.plusSeconds(1);
    }

    /** Fires in [from, to), an interval of one offset within one local day. */
    private long countSegment(Instant from, Instant to) {
        ZoneOffset offset = rules.getOffset(from);
        LocalDateTime localFrom = LocalDateTime.ofInstant(from, offset);
        LocalDateTime localTo = LocalDateTime.ofInstant(to, offset);
        long extra = 0;
        ZoneOffsetTransition last = rules.previousTransition(from.plusNanos(1));
        if (last != null && last.isOverlap() && localFrom.isBefore(last.getDateTimeBefore())) {
            localFrom = last.getDateTimeBefore();
        }
        if (last != null && last.isGap() && last.getInstant().equals(from)) {
            LocalDateTime firstSkipped = matcher.firstAtOrAfter(last.getDateTimeBefore());
            boolean gapHasSlots = firstSkipped != null && firstSkipped.isBefore(last.getDateTimeAfter());
            extra = gapHasSlots && !matcher.matches(last.getDateTimeAfter()) ? 1 : 0;
        }
        if (!localFrom.toLocalDate().equals(LocalDateTime.ofInstant(from, offset).toLocalDate())
                || !localFrom.isBefore(localTo) || !matcher.dayMatches(localFrom.toLocalDate())) {
            return extra;
        }
        int fromSecond = localFrom.toLocalTime().toSecondOfDay();
        int toSecond = localTo.toLocalDate().isAfter(localFrom.toLocalDate())
                ? DAY_SECONDS : localTo.toLocalTime().toSecondOfDay();
        return extra + matcher.timesBetween(fromSecond, toSecond);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
