package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jobdeck.core.schedule.DueSlots.MissedRange;
import org.junit.jupiter.api.Test;

/** Misfire arithmetic after simulated downtime, with instants only. */
class DueSlotsTest {
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aSlotSeenWithinTheLatenessFiresOnTime() {
        DueSlots due = reckon("0 * * * *", MisfirePolicy.SKIP, "10:00:00", "11:00:00.400");
        assertThat(due.fire()).hasValueSatisfying(f -> {
            assertThat(f.slot().instant()).isEqualTo(at("11:00:00"));
            assertThat(f.catchUp()).isFalse();
        });
        assertThat(due.missed()).isEmpty();
        assertThat(due.older()).isEmpty();
        assertThat(due.next().orElseThrow().instant()).isEqualTo(at("12:00:00"));
    }

    @Test
    void aSlotDueExactlyNowFiresEvenWithNoLateness() {
        DueSlots due = DueSlots.reckon(utc("0 * * * *"), MisfirePolicy.SKIP, HOUR, at("10:00:00"), at("11:00:00"), Duration.ZERO);
        assertThat(due.fire().orElseThrow().slot().instant()).isEqualTo(at("11:00:00"));
    }

    @Test
    void nothingIsDueBetweenSlots() {
        DueSlots due = reckon("0 * * * *", MisfirePolicy.ONCE, "10:00:00", "10:59:59");
        assertThat(due.isIdle()).isTrue();
        assertThat(due.next().orElseThrow().instant()).isEqualTo(at("11:00:00"));
    }

    @Test
    void onceFiresOneCatchUpUnderTheLatestSlotMissedWithinGrace() {
        // Down from 10:05 to 12:20: 11:00 and 12:00 were missed; 12:00 is within the hour of grace.
        DueSlots due = reckon("0 * * * *", MisfirePolicy.ONCE, "10:00:00", "12:20:00");
        assertThat(due.fire()).hasValueSatisfying(f -> {
            assertThat(f.slot().instant()).isEqualTo(at("12:00:00"));
            assertThat(f.catchUp()).isTrue();
        });
        assertThat(instants(due.missed())).containsExactly(at("11:00:00"));
        assertThat(due.older()).isEmpty();
        assertThat(due.next().orElseThrow().instant()).isEqualTo(at("13:00:00"));
    }

    @Test
    void onceCatchesUpForEverySlotWithinGraceButFiresOnlyOnce() {
        DueSlots due = reckon("*/10 * * * *", MisfirePolicy.ONCE, "10:00:00", "10:55:00");
        assertThat(due.fire().orElseThrow().slot().instant()).isEqualTo(at("10:50:00"));
        assertThat(instants(due.missed())).containsExactly(at("10:10:00"), at("10:20:00"), at("10:30:00"), at("10:40:00"));
    }

    @Test
    void onceFiresNothingWhenEvenTheLatestSlotIsOlderThanGrace() {
        DueSlots due = DueSlots.reckon(utc("0 3 * * *"), MisfirePolicy.ONCE, HOUR,
                Instant.parse("2027-01-01T03:00:00Z"), Instant.parse("2027-01-03T05:00:00Z"), SECOND);
        assertThat(due.fire()).isEmpty();
        assertThat(instants(due.missed())).containsExactly(Instant.parse("2027-01-02T03:00:00Z"),
                Instant.parse("2027-01-03T03:00:00Z"));
        // A longer grace catches the latest one up.
        DueSlots generous = DueSlots.reckon(utc("0 3 * * *"), MisfirePolicy.ONCE, Duration.ofHours(3),
                Instant.parse("2027-01-01T03:00:00Z"), Instant.parse("2027-01-03T05:00:00Z"), SECOND);
        assertThat(generous.fire().orElseThrow().slot().instant()).isEqualTo(Instant.parse("2027-01-03T03:00:00Z"));
        assertThat(instants(generous.missed())).containsExactly(Instant.parse("2027-01-02T03:00:00Z"));
    }

    @Test
    void skipRecordsEveryMissedSlotAndFiresNone() {
        DueSlots due = reckon("0 * * * *", MisfirePolicy.SKIP, "10:00:00", "12:20:00");
        assertThat(due.fire()).isEmpty();
        assertThat(instants(due.missed())).containsExactly(at("11:00:00"), at("12:00:00"));
        assertThat(due.next().orElseThrow().instant()).isEqualTo(at("13:00:00"));
    }

    @Test
    void aSlotAtTheCreationInstantIsNotDue() {
        DueSlots due = reckon("0 * * * *", MisfirePolicy.ONCE, "11:00:00", "11:00:00.500");
        assertThat(due.isIdle()).isTrue();
    }

    @Test
    void aLastRecordedSlotAheadOfThisProcessesClockLeavesNothingDue() {
        DueSlots due = reckon("0 * * * *", MisfirePolicy.ONCE, "12:00:00", "11:59:59.900");
        assertThat(due.isIdle()).isTrue();
        assertThat(due.next().orElseThrow().instant()).isEqualTo(at("13:00:00"));
    }

    @Test
    void aYearDownWithAPerSecondScheduleStaysBounded() {
        Instant down = Instant.parse("2026-01-01T00:00:00Z");
        Instant back = Instant.parse("2027-01-01T00:00:00.500Z");
        DueSlots due = assertTimeout(Duration.ofSeconds(5), () -> DueSlots.reckon(utc("* * * * * *"),
                MisfirePolicy.ONCE, HOUR, down, back, SECOND));
        assertThat(due.fire().orElseThrow().slot().instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(due.missed()).hasSize(DueSlots.RECORDED_MISSES);
        assertThat(due.missed().get(0).instant()).isEqualTo(Instant.parse("2026-12-31T23:58:20Z"));
        assertThat(due.missed().get(99).instant()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(due.older()).contains(new MissedRange(Instant.parse("2026-01-01T00:00:01Z"),
                Instant.parse("2026-12-31T23:58:19Z"), 365L * 86_400 - 1 - DueSlots.RECORDED_MISSES));
    }

    @Test
    void aYearDownInBerlinCountsTheDstRule() {
        // Every instant of the year has a fire, except the 3,600 of the repeated hour.
        FireCalendar calendar = new FireCalendar(CronExpression.parse("* * * * * *"), ZoneId.of("Europe/Berlin"));
        DueSlots due = DueSlots.reckon(calendar, MisfirePolicy.SKIP, HOUR,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), Duration.ZERO);
        long listed = due.missed().size() + (due.fire().isPresent() ? 1 : 0);
        assertThat(due.older().orElseThrow().count() + listed).isEqualTo(365L * 86_400 - 3_600);
    }

    @Test
    void aSkippedScheduleLongDownListsAtMostTheCapAndSummarisesTheRest() {
        DueSlots due = reckon("* * * * *", MisfirePolicy.SKIP, "00:00:00", "03:00:30");
        assertThat(due.fire()).isEmpty();
        assertThat(due.missed()).hasSize(DueSlots.RECORDED_MISSES);
        assertThat(due.missed().get(99).instant()).isEqualTo(at("03:00:00"));
        assertThat(due.older()).contains(new MissedRange(at("00:01:00"), at("01:20:00"), 80));
    }

    @Test
    void fewerMissesThanTheCapAreAllListed() {
        DueSlots due = reckon("* * * * *", MisfirePolicy.SKIP, "00:00:00", "01:40:30");
        assertThat(due.missed()).hasSize(100);
        assertThat(due.older()).isEmpty();
    }

    @Test
    void latenessMustNotBeNegative() {
        assertThatThrownBy(() -> DueSlots.reckon(utc("* * * * *"), MisfirePolicy.ONCE, HOUR, at("00:00:00"),
                at("01:00:00"), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScheduleReckonsWithItsOwnPolicyAndGrace() {
        Schedule schedule = Schedule.builder(ScheduleName.of("hourly"), ScheduleTarget.all(), CronExpression.parse("0 * * * *"))
                .zone(ZoneId.of("UTC")).misfire(MisfirePolicy.SKIP).build();
        assertThat(schedule.dueSlots(at("10:00:00"), at("12:20:00"), SECOND).fire()).isEmpty();
        assertThat(schedule.toBuilder().misfire(MisfirePolicy.ONCE).build().dueSlots(at("10:00:00"), at("12:20:00"), SECOND).fire()).isPresent();
    }

    private static DueSlots reckon(String cron, MisfirePolicy policy, String lastRecorded, String now) {
        return DueSlots.reckon(utc(cron), policy, HOUR, at(lastRecorded), at(now), SECOND);
    }

    static FireCalendar utc(String cron) {
        return new FireCalendar(CronExpression.parse(cron), ZoneOffset.UTC);
    }

    static Instant at(String time) {
        return Instant.parse("2027-05-04T" + time + "Z");
    }

    static List<Instant> instants(List<FireTime> fires) {
        return fires.stream().map(FireTime::instant).toList();
    }
}
