package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobdeck's DST rule on both transitions of Europe/Berlin and America/New_York in 2027. */
class FireCalendarDstTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId HAVANA = ZoneId.of("America/Havana");

    @Test
    void berlinSpringForwardMovesTheDaily0230ToTheGapsEnd() {
        FireCalendar calendar = calendar("30 2 * * *", BERLIN);
        List<FireTime> fires = calendar.next(Instant.parse("2027-03-26T12:00:00Z"), 3);
        assertThat(offsets(fires)).containsExactly("2027-03-27T02:30+01:00", "2027-03-28T03:00+02:00",
                "2027-03-29T02:30+02:00");
        FireTime moved = fires.get(1);
        assertThat(moved.adjustment()).isEqualTo(DstAdjustment.MOVED_OUT_OF_GAP);
        assertThat(moved.firstSlot()).isEqualTo(LocalDateTime.of(2027, 3, 28, 2, 30));
        assertThat(moved.slotCount()).isEqualTo(1);
        assertThat(moved.mergedWithSlot()).isFalse();
        assertThat(DstNote.of(calendar, fires)).extracting(DstNote::text).containsExactly(
                "On 2027-03-28 02:30 does not exist in Europe/Berlin: it fires at 03:00 CEST instead");
    }

    @Test
    void berlinFallBackFiresTheRepeated0230OnceAtItsFirstOccurrence() {
        FireCalendar calendar = calendar("30 2 * * *", BERLIN);
        List<FireTime> fires = calendar.next(Instant.parse("2027-10-30T12:00:00Z"), 2);
        assertThat(offsets(fires)).containsExactly("2027-10-31T02:30+02:00", "2027-11-01T02:30+01:00");
        assertThat(fires.get(0).adjustment()).isEqualTo(DstAdjustment.FIRST_OF_REPEATED);
        assertThat(DstNote.of(calendar, fires)).extracting(DstNote::text).containsExactly(
                "On 2027-10-31 02:30 happens twice in Europe/Berlin: it fires once, at the first (CEST)");
        // Asked from inside the repeat, the next fire is the next day's: the repeat does not fire.
        assertThat(calendar.next(Instant.parse("2027-10-31T01:15:00Z")).orElseThrow().at().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2027-11-01T02:30+01:00"));
    }

    @Test
    void berlinHourlyHas23FiresOnTheShortDayAnd24OnTheLongOne() {
        FireCalendar hourly = calendar("0 * * * *", BERLIN);
        assertThat(firesOn(hourly, LocalDate.of(2027, 3, 28))).hasSize(23);
        assertThat(firesOn(hourly, LocalDate.of(2027, 10, 31))).hasSize(24);
        List<FireTime> spring = hourly.next(Instant.parse("2027-03-28T00:30:00Z"), 2);
        assertThat(offsets(spring)).containsExactly("2027-03-28T03:00+02:00", "2027-03-28T04:00+02:00");
        assertThat(spring.get(0).mergedWithSlot()).isTrue();
        assertThat(DstNote.of(hourly, spring)).extracting(DstNote::text).containsExactly(
                "On 2027-03-28 02:00 does not exist in Europe/Berlin: it fires at 03:00 CEST, with the 03:00 fire");
        List<FireTime> autumn = hourly.next(Instant.parse("2027-10-30T23:30:00Z"), 3);
        assertThat(offsets(autumn)).containsExactly("2027-10-31T02:00+02:00", "2027-10-31T03:00+01:00",
                "2027-10-31T04:00+01:00");
    }

    @Test
    void berlinHalfHourlyCollapsesTheGapAndSkipsTheRepeat() {
        FireCalendar halfHourly = calendar("*/30 * * * *", BERLIN);
        assertThat(firesOn(halfHourly, LocalDate.of(2027, 3, 28))).hasSize(46);
        assertThat(firesOn(halfHourly, LocalDate.of(2027, 10, 31))).hasSize(48);
        List<FireTime> autumn = halfHourly.next(Instant.parse("2027-10-30T23:45:00Z"), 4);
        assertThat(offsets(autumn)).containsExactly("2027-10-31T02:00+02:00", "2027-10-31T02:30+02:00",
                "2027-10-31T03:00+01:00", "2027-10-31T03:30+01:00");
        assertThat(DstNote.of(halfHourly, autumn)).extracting(DstNote::text).containsExactly(
                "On 2027-10-31 the 2 times from 02:00 to 02:30 happen twice in Europe/Berlin: each fires once, at the first (CEST)");
        FireTime spring = halfHourly.next(Instant.parse("2027-03-28T00:45:00Z")).orElseThrow();
        assertThat(spring.slotCount()).isEqualTo(2);
        assertThat(DstNote.of(halfHourly, List.of(spring))).extracting(DstNote::text).containsExactly(
                "On 2027-03-28 the 2 times from 02:00 to 02:30 do not exist in Europe/Berlin: they fire once, at 03:00 CEST, with the 03:00 fire");
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        FireCalendar daily = calendar("30 2 * * *", NEW_YORK);
        assertThat(offsets(daily.next(Instant.parse("2027-03-13T12:00:00Z"), 2)))
                .containsExactly("2027-03-14T03:00-04:00", "2027-03-15T02:30-04:00");
        // 02:30 is not repeated in New York: the fall back repeats 01:00-01:59.
        assertThat(offsets(daily.next(Instant.parse("2027-11-06T12:00:00Z"), 2)))
                .containsExactly("2027-11-07T02:30-05:00", "2027-11-08T02:30-05:00");
        FireCalendar early = calendar("30 1 * * *", NEW_YORK);
        List<FireTime> repeated = early.next(Instant.parse("2027-11-06T12:00:00Z"), 2);
        assertThat(offsets(repeated)).containsExactly("2027-11-07T01:30-04:00", "2027-11-08T01:30-05:00");
        assertThat(DstNote.of(early, repeated)).extracting(DstNote::text).containsExactly(
                "On 2027-11-07 01:30 happens twice in America/New_York: it fires once, at the first (EDT)");
        FireCalendar hourly = calendar("0 * * * *", NEW_YORK);
        assertThat(firesOn(hourly, LocalDate.of(2027, 3, 14))).hasSize(23);
        assertThat(firesOn(hourly, LocalDate.of(2027, 11, 7))).hasSize(24);
        FireCalendar halfHourly = calendar("*/30 * * * *", NEW_YORK);
        assertThat(firesOn(halfHourly, LocalDate.of(2027, 3, 14))).hasSize(46);
        assertThat(firesOn(halfHourly, LocalDate.of(2027, 11, 7))).hasSize(48);
    }

    @Test
    void subMinuteSlotsInAGapFireOnceAtItsEndAndRepeatedOnesOnce() {
        FireCalendar everyFifteenSeconds = calendar("*/15 * * * * *", BERLIN);
        // 5,760 slots a day; the 240 in the spring gap become the one fire at 03:00:00, which is a slot too.
        assertThat(everyFifteenSeconds.count(start(BERLIN, LocalDate.of(2027, 3, 28)), end(BERLIN, LocalDate.of(2027, 3, 28))))
                .isEqualTo(5_760 - 240);
        assertThat(everyFifteenSeconds.count(start(BERLIN, LocalDate.of(2027, 10, 31)), end(BERLIN, LocalDate.of(2027, 10, 31))))
                .isEqualTo(5_760);
        FireTime gap = everyFifteenSeconds.next(Instant.parse("2027-03-28T00:59:50Z")).orElseThrow();
        assertThat(gap.at().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2027-03-28T03:00:00+02:00"));
        assertThat(gap.slotCount()).isEqualTo(240);
        assertThat(DstNote.of(everyFifteenSeconds, List.of(gap))).extracting(DstNote::text).containsExactly(
                "On 2027-03-28 the 240 times from 02:00:00 to 02:59:45 do not exist in Europe/Berlin:"
                        + " they fire once, at 03:00:00 CEST, with the 03:00:00 fire");

        FireCalendar threeAt0230 = calendar("*/20 30 2 * * *", NEW_YORK);
        List<FireTime> spring = threeAt0230.next(Instant.parse("2027-03-14T06:00:00Z"), 2);
        assertThat(offsets(spring)).containsExactly("2027-03-14T03:00-04:00", "2027-03-15T02:30-04:00");
        assertThat(spring.get(0).slotCount()).isEqualTo(3);
        assertThat(spring.get(0).mergedWithSlot()).isFalse();
        FireCalendar threeAt0130 = calendar("*/20 30 1 * * *", NEW_YORK);
        assertThat(offsets(threeAt0130.next(Instant.parse("2027-11-07T04:00:00Z"), 4))).containsExactly(
                "2027-11-07T01:30-04:00", "2027-11-07T01:30:20-04:00", "2027-11-07T01:30:40-04:00",
                "2027-11-08T01:30-05:00");
    }

    @Test
    void dailyAroundMidnight() {
        FireCalendar daily = calendar("@daily", BERLIN);
        assertThat(offsets(daily.next(Instant.parse("2027-06-01T21:59:59Z"), 1))).containsExactly("2027-06-02T00:00+02:00");
        // Exactly at a fire: the next is the next day's.
        assertThat(offsets(daily.next(Instant.parse("2027-06-01T22:00:00Z"), 1))).containsExactly("2027-06-03T00:00+02:00");
        assertThat(daily.previous(Instant.parse("2027-06-01T22:00:00Z")).orElseThrow().at().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2027-06-01T00:00+02:00"));
        // Havana springs forward at midnight (00:00 -> 01:00) and falls back over it (01:00 -> 00:00).
        FireCalendar havana = calendar("@daily", HAVANA);
        List<FireTime> spring = havana.next(Instant.parse("2027-03-13T12:00:00Z"), 2);
        assertThat(offsets(spring)).containsExactly("2027-03-14T01:00-04:00", "2027-03-15T00:00-04:00");
        assertThat(DstNote.of(havana, spring)).extracting(DstNote::text).containsExactly(
                "On 2027-03-14 00:00 does not exist in America/Havana: it fires at 01:00 CDT instead");
        assertThat(offsets(havana.next(Instant.parse("2027-11-06T12:00:00Z"), 2)))
                .containsExactly("2027-11-07T00:00-04:00", "2027-11-08T00:00-05:00");
    }

    @Test
    void previousMirrorsNextAcrossBothTransitions() {
        for (String cron : new String[] {"30 2 * * *", "0 * * * *", "*/30 * * * *", "*/20 30 2 * * *"}) {
            FireCalendar calendar = calendar(cron, BERLIN);
            List<FireTime> fires = calendar.next(Instant.parse("2027-03-27T00:00:00Z"), 60);
            fires.addAll(calendar.next(Instant.parse("2027-10-30T00:00:00Z"), 60));
            for (FireTime fire : fires) {
                FireTime next = calendar.next(fire.instant()).orElseThrow();
                assertThat(calendar.previous(next.instant())).as(cron + " before " + next.at()).contains(fire);
            }
        }
    }

    @Test
    void theNotesOfAWholeYearComeFromItsTransitionsNotFromEveryFire() {
        FireCalendar everyFifteenSeconds = calendar("*/15 * * * * *", BERLIN);
        List<DstNote> notes = DstNote.within(everyFifteenSeconds, Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(notes).extracting(DstNote::text).containsExactly(
                "On 2027-03-28 the 240 times from 02:00:00 to 02:59:45 do not exist in Europe/Berlin:"
                        + " they fire once, at 03:00:00 CEST, with the 03:00:00 fire",
                "On 2027-10-31 the 240 times from 02:00:00 to 02:59:45 happen twice in Europe/Berlin:"
                        + " each fires once, at the first (CEST)");
        assertThat(notes).extracting(DstNote::adjustment)
                .containsExactly(DstAdjustment.MOVED_OUT_OF_GAP, DstAdjustment.FIRST_OF_REPEATED);
        // A schedule the transitions do not touch has no note; one they touch says so either way.
        assertThat(DstNote.within(calendar("0 12 * * *", BERLIN), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"))).isEmpty();
        FireCalendar daily = calendar("30 2 * * *", NEW_YORK);
        assertThat(DstNote.within(daily, Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z")))
                .isEqualTo(DstNote.next(daily, Instant.parse("2027-03-01T00:00:00Z"), 31));
    }

    static FireCalendar calendar(String cron, ZoneId zone) {
        return new FireCalendar(CronExpression.parse(cron), zone);
    }

    static List<String> offsets(List<FireTime> fires) {
        return fires.stream().map(f -> f.at().toOffsetDateTime().toString()).toList();
    }

    static List<FireTime> firesOn(FireCalendar calendar, LocalDate day) {
        return calendar.between(start(calendar.zone(), day), end(calendar.zone(), day), 100_000);
    }

    /** Just before the day's first instant, so that a fire at it counts. */
    static Instant start(ZoneId zone, LocalDate day) {
        return day.atStartOfDay(zone).toInstant().minusNanos(1);
    }

    static Instant end(ZoneId zone, LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
