package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Jobdeck's own cron matcher against a well-kept independent one: for expressions where the two
 * mean the same (cron-utils 9.2.1 differs from Vixie cron only for a day field that starts with
 * {@code *} beside a restricted other day field, and for day-of-week steps, which the generator
 * leaves out), both give the same slots in UTC, where no DST rule applies.
 */
class CronOracleProperties {
    private static final CronDefinition WITH_SECONDS = CronDefinitionBuilder.defineCron()
            .withSeconds().withValidRange(0, 59).withStrictRange().and()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .instance();

    @Property(tries = 400)
    void slotsAgreeWithCronUtilsInUtc(@ForAll("expressions") String text, @ForAll("starts") LocalDateTime start) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(text);
        } catch (ScheduleException neverFires) {
            return;
        }
        CronParser parser = new CronParser(cron.hasSeconds() ? WITH_SECONDS
                : CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        ExecutionTime oracle = ExecutionTime.forCron(parser.parse(text));
        List<LocalDateTime> expected = new ArrayList<>();
        List<LocalDateTime> actual = new ArrayList<>();
        ZonedDateTime cursor = start.atZone(ZoneOffset.UTC);
        LocalDateTime mine = start;
        for (int i = 0; i < 12; i++) {
            cursor = oracle.nextExecution(cursor).orElseThrow();
            expected.add(cursor.toLocalDateTime());
            mine = cron.matcher().firstAtOrAfter(mine.plusSeconds(1));
            actual.add(mine);
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<LocalDateTime> starts() {
        return Arbitraries.longs().between(1_700_000_000L, 2_500_000_000L)
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    }

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> second = field(0, 59, true);
        Arbitrary<String> minute = field(0, 59, true);
        Arbitrary<String> hour = field(0, 23, true);
        Arbitrary<String> month = field(1, 12, true);
        Arbitrary<String> dayOfWeek = field(0, 6, false);
        Arbitrary<String> dayOfMonth = field(1, 28, false);
        Arbitrary<String> dayOfMonthStepped = Arbitraries.integers().between(2, 9).map(n -> "*/" + n);
        Arbitrary<String> days = Arbitraries.oneOf(
                Combinators.combine(dayOfMonth, dayOfWeek).as((d, w) -> d + " * " + w),
                Combinators.combine(dayOfMonthStepped, month).as((d, m) -> d + " " + m + " *"),
                Combinators.combine(dayOfMonth, month).as((d, m) -> d + " " + m + " *"));
        Arbitrary<Boolean> withSeconds = Arbitraries.of(true, false);
        return Combinators.combine(withSeconds, second, minute, hour, days)
                .as((s, sec, min, h, d) -> (s ? sec + " " : "") + min + " " + h + " " + d);
    }

    private static Arbitrary<String> field(int min, int max, boolean steps) {
        Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
        Arbitrary<String> single = value.map(String::valueOf);
        Arbitrary<String> range = Combinators.combine(value, value)
                .as((a, b) -> Math.min(a, b) + "-" + Math.max(a, b));
        Arbitrary<String> list = Combinators.combine(value, value).filter((a, b) -> !a.equals(b))
                .as((a, b) -> Math.min(a, b) + "," + Math.max(a, b));
        if (!steps) {
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just("*")), net.jqwik.api.Tuple.of(2, single),
                    net.jqwik.api.Tuple.of(2, range), net.jqwik.api.Tuple.of(1, list));
        }
        Arbitrary<String> everyN = Arbitraries.integers().between(2, Math.min(15, max)).map(n -> "*/" + n);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("*")), net.jqwik.api.Tuple.of(2, single),
                net.jqwik.api.Tuple.of(2, range), net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(2, everyN));
    }
}
