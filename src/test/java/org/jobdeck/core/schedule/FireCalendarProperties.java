package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For random expressions and zones, started near a DST transition more often than not: fires
 * strictly increase in instant and in local time, each is a slot or the one fire of a gap's
 * slots, no slot is lost, and counting agrees with listing.
 */
class FireCalendarProperties {
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York",
            "America/Havana", "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago", "Asia/Tehran",
            "Europe/London", "Europe/Dublin", "Pacific/Chatham", "America/St_Johns", "Africa/Casablanca",
            "Asia/Kolkata", "UTC");

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(format = Histogram.class)
    void firesStrictlyIncreaseAndFollowTheDstRule(@ForAll("expressions") String text,
                                                  @ForAll("zones") ZoneId zone,
                                                  @ForAll("starts") Instant near,
                                                  @ForAll("leads") long leadSeconds) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(text);
        } catch (ScheduleException neverFires) {
            return;
        }
        ZoneOffsetTransition transition = zone.getRules().nextTransition(near);
        Instant start = transition == null ? near : transition.getInstant().minusSeconds(leadSeconds);
        FireCalendar calendar = new FireCalendar(cron, zone);
        // At most 300 fires, within 3 years: an expression may fire once in decades.
        List<FireTime> fires = calendar.between(start, start.plusSeconds(3 * 366 * 86_400L), 300);
        if (fires.isEmpty()) {
            return;
        }
        FireTime previous = null;
        for (FireTime fire : fires) {
            LocalDateTime local = fire.at().toLocalDateTime();
            switch (fire.adjustment()) {
                case NONE -> {
                    assertThat(cron.matches(local)).as("a plain fire is a slot: %s", fire).isTrue();
                    assertThat(zone.getRules().getValidOffsets(local)).hasSize(1);
                }
                case FIRST_OF_REPEATED -> {
                    assertThat(cron.matches(local)).isTrue();
                    assertThat(fire.at().getOffset()).isEqualTo(zone.getRules().getValidOffsets(local).get(0));
                }
                case MOVED_OUT_OF_GAP -> {
                    ZoneOffsetTransition gap = zone.getRules().previousTransition(fire.instant().plusNanos(1));
                    assertThat(gap.isGap()).isTrue();
                    assertThat(gap.getInstant()).isEqualTo(fire.instant());
                    assertThat(zone.getRules().getValidOffsets(fire.firstSlot())).isEmpty();
                    assertThat(zone.getRules().getValidOffsets(fire.lastSlot())).isEmpty();
                    assertThat(cron.matches(fire.firstSlot()) && cron.matches(fire.lastSlot())).isTrue();
                    assertThat(fire.mergedWithSlot()).isEqualTo(cron.matches(local));
                }
            }
            if (previous != null) {
                assertThat(fire.instant()).isAfter(previous.instant());
                assertThat(local).as("no two fires at one local time").isAfter(previous.at().toLocalDateTime());
                assertNoSlotLostBetween(cron, previous, fire);
            }
            previous = fire;
        }
        // The rule must be exercised, not just the plain days: fail if the generators drift.
        Statistics.label("gap").collect(fires.stream().anyMatch(f -> f.adjustment() == DstAdjustment.MOVED_OUT_OF_GAP))
                .coverage(c -> c.check(true).percentage(p -> p >= 3));
        Statistics.label("repeat").collect(fires.stream().anyMatch(f -> f.adjustment() == DstAdjustment.FIRST_OF_REPEATED))
                .coverage(c -> c.check(true).percentage(p -> p >= 1));
        Instant last = fires.get(fires.size() - 1).instant();
        assertThat(calendar.count(start, last)).isEqualTo(fires.size());
        assertThat(calendar.previous(fires.get(0).instant()).map(FireTime::instant).orElse(Instant.MIN))
                .isBeforeOrEqualTo(start);
    }

    /** Every slot between two fires' local times is a skipped slot that the later fire stands for. */
    private static void assertNoSlotLostBetween(CronExpression cron, FireTime earlier, FireTime later) {
        LocalDateTime slot = cron.matcher().firstAtOrAfter(earlier.at().toLocalDateTime().plusSeconds(1));
        int checked = 0;
        while (slot.isBefore(later.at().toLocalDateTime()) && checked++ < 5_000) {
            assertThat(later.adjustment()).as("slot %s lost before %s", slot, later).isEqualTo(DstAdjustment.MOVED_OUT_OF_GAP);
            assertThat(slot).isBetween(later.firstSlot(), later.lastSlot());
            slot = cron.matcher().firstAtOrAfter(slot.plusSeconds(1));
        }
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(1_262_304_000L, 2_082_758_400L).map(Instant::ofEpochSecond);
    }

    /** How long before a transition to start: minutes for fast schedules, days for slow ones. */
    @Provide
    Arbitrary<Long> leads() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.longs().between(0, 600)),
                Tuple.of(1, Arbitraries.longs().between(0, 3 * 86_400)));
    }

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<Boolean> withSeconds = Arbitraries.of(true, false);
        return Combinators.combine(withSeconds, field(0, 59), field(0, 59), field(0, 23), field(1, 31),
                        field(1, 12), field(0, 7))
                .as((s, sec, min, h, dom, mon, dow) -> (s ? sec + " " : "") + min + " " + h + " " + dom
                        + " " + mon + " " + dow);
    }

    private static Arbitrary<String> field(int min, int max) {
        Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
        Arbitrary<String> range = Combinators.combine(value, value).as((a, b) -> Math.min(a, b) + "-" + Math.max(a, b));
        Arbitrary<String> list = Combinators.combine(value, value, value).as((a, b, c) -> a + "," + b + "," + c);
        Arbitrary<String> step = Arbitraries.integers().between(2, 20).map(n -> "*/" + n);
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("*")), Tuple.of(2, value.map(String::valueOf)),
                Tuple.of(1, range), Tuple.of(1, list), Tuple.of(1, step));
    }
}
