package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Export then apply is lossless: any valid schedules read back equal, and write back the same text. */
class ScheduleJsonProperties {
    private static final ScheduleDefaults DEFAULTS = new ScheduleDefaults(ZoneId.of("UTC"), "apply", Instant.EPOCH);

    @Property(tries = 300)
    void exportedSchedulesReadBackEqual(@ForAll("scheduleLists") List<Schedule> schedules) {
        String text = ScheduleWriter.fileText(schedules);
        ScheduleDocument read = ScheduleReader.parseFile(text, "export", DEFAULTS);
        assertThat(read.problems()).isEmpty();
        assertThat(read.toSchedules()).containsExactlyInAnyOrderElementsOf(schedules);
        assertThat(ScheduleWriter.fileText(read.toSchedules())).isEqualTo(text);
        for (Schedule schedule : schedules) {
            String body = ScheduleWriter.fileEntry(schedule).toString();
            assertThat(ScheduleReader.parseOne(body, "body", DEFAULTS).toSchedules()).containsExactly(schedule);
        }
    }

    @Provide
    Arbitrary<List<Schedule>> scheduleLists() {
        return schedules().list().ofMaxSize(4).uniqueElements(s -> s.name());
    }

    private Arbitrary<Schedule> schedules() {
        return Builders.withBuilder(() -> new Object[9])
                .use(names()).in((a, v) -> set(a, 0, v))
                .use(targets()).in((a, v) -> set(a, 1, v))
                .use(crons()).in((a, v) -> set(a, 2, v))
                .use(Arbitraries.of(List.copyOf(ZoneId.getAvailableZoneIds())).map(ZoneId::of)).in((a, v) -> set(a, 3, v))
                .use(Arbitraries.of(MisfirePolicy.class)).in((a, v) -> set(a, 4, v))
                .use(Arbitraries.longs().between(1, 10_000_000).map(Duration::ofSeconds)).in((a, v) -> set(a, 5, v))
                .use(Arbitraries.of(OverlapPolicy.class)).in((a, v) -> set(a, 6, v))
                .use(conditions().injectNull(0.3)).in((a, v) -> set(a, 7, v))
                .use(pauses().injectNull(0.5)).in((a, v) -> set(a, 8, v))
                .build(a -> new Schedule((ScheduleName) a[0], (ScheduleTarget) a[1], (CronExpression) a[2],
                        (ZoneId) a[3], (MisfirePolicy) a[4], (Duration) a[5], (OverlapPolicy) a[6],
                        (ChangeProbe) a[7], (Pause) a[8]));
    }

    private static Object[] set(Object[] array, int index, Object value) {
        array[index] = value;
        return array;
    }

    private Arbitrary<ScheduleName> names() {
        Arbitrary<String> first = Arbitraries.strings().withChars("abcxyz0189").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars("abz09._-").ofMaxLength(63);
        return Combinators.combine(first, rest).as((f, r) -> ScheduleName.of(f + r));
    }

    private Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank() && s.codePoints().allMatch(Character::isDefined)
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    private Arbitrary<ScheduleTarget> targets() {
        Arbitrary<String> job = Arbitraries.strings().withChars("abcdef-").ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), texts().map(s -> (Object) s));
        Arbitrary<Map<String, Object>> values = Arbitraries.maps(texts(), value).ofMaxSize(3).map(LinkedHashMap::new);
        Arbitrary<Map<String, Map<String, Object>>> params = Arbitraries.maps(job, values).ofMaxSize(2);
        Arbitrary<ScheduleTarget> shape = Arbitraries.oneOf(
                Arbitraries.just(ScheduleTarget.all()),
                job.map(ScheduleTarget::group),
                job.list().ofMinSize(1).ofMaxSize(3).uniqueElements().map(ScheduleTarget::jobs));
        return Combinators.combine(shape, params).as(ScheduleTarget::withParams);
    }

    private Arbitrary<CronExpression> crons() {
        return Arbitraries.of("0 3 * * *", "@daily", "@hourly", "*/15 * * * * *", "0 0 13 * fri", "30 2 * * 1-5",
                "0 0 29 2 *", "5/10 9-17 * jan-mar,dec *", "  0   3 * * *").map(CronExpression::parse);
    }

    private Arbitrary<ChangeProbe> conditions() {
        Arbitrary<Duration> timeout = Arbitraries.longs().between(1, 600).map(Duration::ofSeconds);
        Arbitrary<ChangeProbe> sql = Combinators.combine(Arbitraries.of(
                        "SELECT count(*) FROM users", "select max(id) from interests;",
                        "WITH x AS (SELECT 1 AS n) SELECT n FROM x -- é \"quoted\"\n"), timeout)
                .as(SqlProbe::new);
        Arbitrary<ChangeProbe> command = Combinators.combine(
                        texts().list().ofMinSize(1).ofMaxSize(4).map(ArrayList::new), timeout)
                .as(CommandProbe::new);
        return Arbitraries.oneOf(sql, command);
    }

    private Arbitrary<Pause> pauses() {
        Arbitrary<Instant> at = Combinators.combine(Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
        return Combinators.combine(texts(), at, texts().injectNull(0.5)).as(Pause::new);
    }
}
