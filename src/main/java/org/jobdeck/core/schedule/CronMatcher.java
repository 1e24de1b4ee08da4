package org.jobdeck.core.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;

/**
 * Which local date-times a cron expression selects, in wall-clock time with no zone: the slots
 * before any DST rule is applied ({@link FireCalendar} applies Jobdeck's).
 *
 * <p><b>Day rule (Vixie cron).</b> When day-of-month and day-of-week are both restricted (neither
 * field starts with {@code *}), a day matches if <em>either</em> matches: {@code 0 0 13 * 5} fires
 * on every 13th and every Friday. When either field starts with {@code *} (a step over {@code *}
 * included), both must match: day-of-month "every 2nd day from the 1st" with day-of-week 1 fires
 * on Mondays with an odd date.
 *
 * <p>Searches look at most 400 years ahead or back: the Gregorian calendar repeats, weekdays
 * included, every 400 years, so a day that matches at all matches within that span.
 */
final class CronMatcher {
    static final int SEARCH_YEARS = 400;

    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean eitherDay;

    CronMatcher(BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                BitSet daysOfWeek, boolean domStarred, boolean dowStarred) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.eitherDay = !domStarred && !dowStarred;
    }

    boolean bothDayFieldsRestricted() {
        return eitherDay;
    }

    boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        return eitherDay ? dom || dow : dom && dow;
    }

    boolean matches(LocalDateTime time) {
        return time.getNano() == 0 && dayMatches(time.toLocalDate()) && timeMatches(time.toLocalTime());
    }

    boolean timeMatches(LocalTime time) {
        return hours.get(time.getHour()) && minutes.get(time.getMinute()) && seconds.get(time.getSecond());
    }

    /** The first slot at or after {@code from} (whose fraction of a second is dropped), or null. */
    LocalDateTime firstAtOrAfter(LocalDateTime from) {
        LocalDate day = from.toLocalDate();
        int second = from.toLocalTime().toSecondOfDay();
        LocalDate end = day.plusYears(SEARCH_YEARS);
        while (!day.isAfter(end)) {
            if (!months.get(day.getMonthValue())) {
                day = day.with(TemporalAdjusters.firstDayOfNextMonth());
                second = 0;
                continue;
            }
            if (dayMatches(day)) {
                LocalTime time = firstTimeAtOrAfter(second);
                if (time != null) {
                    return day.atTime(time);
                }
            }
            day = day.plusDays(1);
            second = 0;
        }
        return null;
    }

    /** The last slot strictly before {@code before}, or null. */
    LocalDateTime lastBefore(LocalDateTime before) {
        LocalDate day = before.toLocalDate();
        // Slots are whole seconds: one at or before the truncated time is before "before",
        // unless "before" is itself a whole second.
        int limit = before.toLocalTime().toSecondOfDay() - (before.getNano() == 0 ? 1 : 0);
        LocalDate end = day.minusYears(SEARCH_YEARS);
        while (!day.isBefore(end)) {
            if (!months.get(day.getMonthValue())) {
                day = day.withDayOfMonth(1).minusDays(1);
                limit = LocalTime.MAX.toSecondOfDay();
                continue;
            }
            if (limit >= 0 && dayMatches(day)) {
                LocalTime time = lastTimeAtOrBefore(limit);
                if (time != null) {
                    return day.atTime(time);
                }
            }
            day = day.minusDays(1);
            limit = LocalTime.MAX.toSecondOfDay();
        }
        return null;
    }

    /** How many slot times of a matching day lie in [fromSecond, toSecond) of the day. */
    long timesBetween(int fromSecond, int toSecond) {
        long count = 0;
        for (int h = hours.nextSetBit(fromSecond / 3600); h >= 0 && h * 3600 < toSecond;
             h = hours.nextSetBit(h + 1)) {
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                int minuteStart = h * 3600 + m * 60;
                int lo = Math.max(fromSecond - minuteStart, 0);
                int hi = Math.min(toSecond - minuteStart, 60);
                if (lo < hi) {
                    count += seconds.get(lo, hi).cardinality();
                }
            }
        }
        return count;
    }

    /** Whether any day at all matches: false for "30 February" and the like. */
    boolean everFires() {
        // 2000-2027 holds every (month, day, weekday, leap) combination the rule can ask for.
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (LocalDate end = LocalDate.of(2028, 1, 1); day.isBefore(end); day = day.plusDays(1)) {
            if (dayMatches(day)) {
                return true;
            }
        }
        return false;
    }

    /** The first day-of-month selected in a month it can occur in, or -1 when there is none. */
    int firstPossibleDayOfMonth() {
        for (int d = daysOfMonth.nextSetBit(1); d >= 0; d = daysOfMonth.nextSetBit(d + 1)) {
            for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
                if (d <= Month.of(m).maxLength()) {
                    return d;
                }
            }
        }
        return -1;
    }

    private LocalTime firstTimeAtOrAfter(int secondOfDay) {
        int h0 = secondOfDay / 3600;
        int m0 = secondOfDay / 60 % 60;
        int s0 = secondOfDay % 60;
        for (int h = hours.nextSetBit(h0); h >= 0; h = hours.nextSetBit(h + 1)) {
            for (int m = minutes.nextSetBit(h == h0 ? m0 : 0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                int s = seconds.nextSetBit(h == h0 && m == m0 ? s0 : 0);
                if (s >= 0) {
                    return LocalTime.of(h, m, s);
                }
            }
        }
        return null;
    }

    private LocalTime lastTimeAtOrBefore(int secondOfDay) {
        int h0 = secondOfDay / 3600;
        int m0 = secondOfDay / 60 % 60;
        int s0 = secondOfDay % 60;
        for (int h = hours.previousSetBit(h0); h >= 0; h = hours.previousSetBit(h - 1)) {
            for (int m = minutes.previousSetBit(h == h0 ? m0 : 59); m >= 0; m = minutes.previousSetBit(m - 1)) {
                int s = seconds.previousSetBit(h == h0 && m == m0 ? s0 : 59);
                if (s >= 0) {
                    return LocalTime.of(h, m, s);
                }
            }
        }
        return null;
    }
}
