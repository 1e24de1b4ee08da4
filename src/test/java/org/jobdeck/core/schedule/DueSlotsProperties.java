package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The bounded reckoning against the plain one: list every due slot, then apply the rule. */
class DueSlotsProperties {

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void reckoningMatchesListingEveryDueSlot(@ForAll("crons") String cron, @ForAll("zones") ZoneId zone,
                                             @ForAll("instants") Instant lastRecorded,
                                             @ForAll @LongRange(min = 0, max = 6 * 3600) long downSeconds,
                                             @ForAll @LongRange(min = 1, max = 7200) long graceSeconds,
                                             @ForAll @LongRange(min = 0, max = 5000) long latenessMillis,
                                             @ForAll MisfirePolicy policy) {
        FireCalendar calendar = new FireCalendar(CronExpression.parse(cron), zone);
        Instant now = lastRecorded.plusSeconds(downSeconds).plusMillis(137);
        Duration grace = Duration.ofSeconds(graceSeconds);
        Duration lateness = Duration.ofMillis(latenessMillis);
        DueSlots due = DueSlots.reckon(calendar, policy, grace, lastRecorded, now, lateness);

        List<FireTime> all = calendar.between(lastRecorded, now, Integer.MAX_VALUE);
        List<Instant> expectedMissed = new ArrayList<>(all.stream().map(FireTime::instant).toList());
        Instant expectedFire = null;
        if (!all.isEmpty()) {
            Instant latest = all.get(all.size() - 1).instant();
            boolean onTime = !latest.isBefore(now.minus(lateness));
            boolean caughtUp = policy == MisfirePolicy.ONCE && !latest.isBefore(now.minus(grace));
            if (onTime || caughtUp) {
                expectedFire = latest;
                expectedMissed.remove(expectedMissed.size() - 1);
            }
        }
        assertThat(due.fire().map(f -> f.slot().instant()).orElse(null)).isEqualTo(expectedFire);
        int listed = Math.min(expectedMissed.size(), DueSlots.RECORDED_MISSES);
        assertThat(due.missed().stream().map(FireTime::instant).toList())
                .isEqualTo(expectedMissed.subList(expectedMissed.size() - listed, expectedMissed.size()));
        if (expectedMissed.size() > listed) {
            DueSlots.MissedRange older = due.older().orElseThrow();
            assertThat(older.count()).isEqualTo(expectedMissed.size() - listed);
            assertThat(older.first()).isEqualTo(expectedMissed.get(0));
            assertThat(older.last()).isEqualTo(expectedMissed.get(expectedMissed.size() - listed - 1));
        } else {
            assertThat(due.older()).isEmpty();
        }
        assertThat(due.next()).isEqualTo(calendar.next(now));
    }

    @Provide
    Arbitrary<String> crons() {
        return Arbitraries.of("* * * * *", "*/7 * * * *", "0 * * * *", "*/30 * * * *", "30 2 * * *",
                "*/15 * * * * *", "*/20 30 2 * * *", "0 0 * * *", "5 1-3 * * *", "* * * * * *");
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe").map(ZoneId::of);
    }

    /** Mostly close before a 2027 transition in Berlin or New York, so downtimes span them. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> nearTransitions = Arbitraries.of(
                        Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-10-31T01:00:00Z"),
                        Instant.parse("2027-03-14T07:00:00Z"), Instant.parse("2027-11-07T06:00:00Z"))
                .flatMap(t -> Arbitraries.longs().between(0, 4 * 3600).map(t::minusSeconds));
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(1_800_000_000L, 1_900_000_000L)
                .map(Instant::ofEpochSecond);
        return Arbitraries.oneOf(nearTransitions, nearTransitions, anywhere);
    }
}
