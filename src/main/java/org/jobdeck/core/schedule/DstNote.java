package org.jobdeck.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Jobdeck's DST rule in words, where it applies to a list of fires: what {@code schedule show}
 * prints under the next fire times, for example
 * "On 2027-03-28 02:30 does not exist in Europe/Berlin: it fires at 03:00 CEST instead".
 *
 * @param date       the local date of the slots concerned
 * @param adjustment what the rule did: moved slots out of a gap, or fired repeated ones once
 * @param text       the sentence
 */
public record DstNote(LocalDate date, DstAdjustment adjustment, String text) {
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /** The notes for the next {@code count} fires after {@code after}: {@code schedule show --next N}. */
    public static List<DstNote> next(FireCalendar calendar, Instant after, int count) {
        return of(calendar, calendar.next(after, count));
    }

    /**
     * The notes for the fires in (after, upTo], found from the zone's transitions rather than by
     * listing every fire, so a year of a per-second schedule costs a few transitions' work.
     */
    public static List<DstNote> within(FireCalendar calendar, Instant after, Instant upTo) {
        ZoneRules rules = calendar.zone().getRules();
        List<FireTime> affected = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(after); t != null && !t.getInstant().isAfter(upTo);
             t = rules.nextTransition(t.getInstant())) {
            Instant at = t.getInstant();
            if (t.isGap()) {
                calendar.next(at.minusNanos(1))
                        .filter(f -> f.adjustment() == DstAdjustment.MOVED_OUT_OF_GAP && f.instant().equals(at))
                        .ifPresent(affected::add);
            } else {
                // The first occurrences of the repeated times lie just before the transition.
                Instant from = at.minus(t.getDuration().abs());
                Instant start = from.isAfter(after) ? from.minusNanos(1) : after;
                affected.addAll(calendar.between(start, at.minusNanos(1), Integer.MAX_VALUE).stream()
                        .filter(f -> f.adjustment() == DstAdjustment.FIRST_OF_REPEATED).toList());
            }
        }
        return of(calendar, affected);
    }

    /**
     * One note per spring-forward fire, and one per run of fires in the same fall-back repeat.
     *
     * @param fires consecutive fires of {@code calendar}, as {@link FireCalendar#next} gives them
     */
    public static List<DstNote> of(FireCalendar calendar, List<FireTime> fires) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern(
                calendar.cron().hasSeconds() ? "HH:mm:ss" : "HH:mm", Locale.ENGLISH);
        String zone = calendar.zone().getId();
        List<DstNote> notes = new ArrayList<>();
        for (int i = 0; i < fires.size(); i++) {
            FireTime fire = fires.get(i);
            if (fire.adjustment() == DstAdjustment.MOVED_OUT_OF_GAP) {
                notes.add(gap(fire, zone, time));
            } else if (fire.adjustment() == DstAdjustment.FIRST_OF_REPEATED) {
                int end = i;
                while (end + 1 < fires.size()
                        && fires.get(end + 1).adjustment() == DstAdjustment.FIRST_OF_REPEATED
                        && fires.get(end + 1).firstSlot().toLocalDate().equals(fire.firstSlot().toLocalDate())) {
                    end++;
                }
                notes.add(repeat(fire, fires.get(end), end - i + 1, zone, time));
                i = end;
            }
        }
        return notes;
    }

    private static DstNote gap(FireTime fire, String zone, DateTimeFormatter time) {
        String at = fire.at().format(time) + " " + fire.at().format(ZONE_NAME);
        String with = fire.mergedWithSlot() ? ", with the " + fire.at().format(time) + " fire" : " instead";
        String day = "On " + fire.firstSlot().toLocalDate() + " ";
        String text = fire.slotCount() == 1
                ? day + fire.firstSlot().format(time) + " does not exist in " + zone + ": it fires at "
                        + at + with
                : day + "the " + fire.slotCount() + " times from " + fire.firstSlot().format(time)
                        + " to " + fire.lastSlot().format(time) + " do not exist in " + zone
                        + ": they fire once, at " + at + with;
        return new DstNote(fire.firstSlot().toLocalDate(), DstAdjustment.MOVED_OUT_OF_GAP, text);
    }

    private static DstNote repeat(FireTime first, FireTime last, int count, String zone,
                                  DateTimeFormatter time) {
        String offset = first.at().format(ZONE_NAME);
        String text = count == 1
                ? "On " + first.firstSlot().toLocalDate() + " " + first.firstSlot().format(time)
                        + " happens twice in " + zone + ": it fires once, at the first (" + offset + ")"
                : "On " + first.firstSlot().toLocalDate() + " the " + count + " times from "
                        + first.firstSlot().format(time) + " to " + last.firstSlot().format(time)
                        + " happen twice in " + zone + ": each fires once, at the first (" + offset + ")";
        return new DstNote(first.firstSlot().toLocalDate(), DstAdjustment.FIRST_OF_REPEATED, text);
    }
}
