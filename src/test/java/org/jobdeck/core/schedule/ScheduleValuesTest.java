package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.InvalidParamsException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.UnknownGroupException;
import org.jobdeck.core.catalog.UnknownJobException;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleValuesTest {
    static final JobCatalog CATALOG = CatalogReader.readDefault().toCatalog();

    @Test
    void everyBuiltInJobNameIsAValidScheduleName() {
        CATALOG.jobs().forEach(job -> assertThatCode(() -> ScheduleName.of(job.name())).doesNotThrowAnyException());
        assertThatCode(() -> ScheduleName.of("nightly.search_v2-eu")).doesNotThrowAnyException();
        assertThatCode(() -> ScheduleName.of("a".repeat(64))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nightly", "nightly run", "-nightly", ".hidden", "a/b", "ü", "x?y"})
    void namesOutsideTheRuleAreRefusedInOneLine(String name) {
        assertThatThrownBy(() -> ScheduleName.of(name)).isInstanceOf(ScheduleException.class)
                .hasMessage("Invalid schedule name \"" + name + "\": use 1-64 lowercase letters, digits,"
                        + " '.', '_' or '-', starting with a letter or digit");
        assertThatThrownBy(() -> ScheduleName.of("a".repeat(65))).hasMessageStartingWith("Invalid schedule name");
        assertThatThrownBy(() -> ScheduleName.of("")).hasMessage("Missing schedule name");
    }

    @Test
    void zonesAreIanaIds() {
        assertThat(ScheduleZone.parse("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ScheduleZone.parse("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> ScheduleZone.parse("Europe/Berln"))
                .hasMessage("Unknown zone \"Europe/Berln\": use an IANA zone such as Europe/Berlin, America/New_York or UTC")
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.ZONE));
        assertThatThrownBy(() -> ScheduleZone.parse("europe/berlin"))
                .hasMessage("Unknown zone \"europe/berlin\": did you mean Europe/Berlin?");
        assertThatThrownBy(() -> ScheduleZone.parse("Berlin")).hasMessage("Unknown zone \"Berlin\": did you mean Europe/Berlin?");
        assertThatThrownBy(() -> ScheduleZone.parse("+02:00")).hasMessage(
                "Unknown zone \"+02:00\": use an IANA zone such as Europe/Berlin, not an offset (an offset follows no DST)");
        assertThatThrownBy(() -> ScheduleZone.parse(" ")).hasMessage("Missing zone: use an IANA zone such as Europe/Berlin");
    }

    @Test
    void aSystemZoneThatIsAnOffsetIsStoredAsItsIanaZone() {
        assertThat(ScheduleZone.ianaOf(ZoneOffset.ofHours(2))).isEqualTo(ZoneId.of("Etc/GMT-2"));
        assertThat(ScheduleZone.ianaOf(ZoneOffset.ofHours(-5))).isEqualTo(ZoneId.of("Etc/GMT+5"));
        assertThat(ScheduleZone.ianaOf(ZoneOffset.UTC)).isEqualTo(ZoneId.of("UTC"));
        assertThat(ScheduleZone.ianaOf(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo(ZoneId.of("UTC"));
        assertThat(ScheduleZone.ianaOf(ZoneId.of("Asia/Kolkata"))).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(ZoneId.getAvailableZoneIds()).contains(ScheduleZone.systemDefault().getId());
    }

    @Test
    void policiesHaveWireNames() {
        assertThat(MisfirePolicy.fromWire("once")).isEqualTo(MisfirePolicy.ONCE);
        assertThat(MisfirePolicy.SKIP.wireName()).isEqualTo("skip");
        assertThatThrownBy(() -> MisfirePolicy.fromWire("ONCE")).hasMessage("Invalid misfire policy \"ONCE\": use once or skip");
        assertThat(OverlapPolicy.fromWire("cancel-previous")).isEqualTo(OverlapPolicy.CANCEL_PREVIOUS);
        assertThat(List.of(OverlapPolicy.values())).extracting(OverlapPolicy::wireName)
                .containsExactly("skip", "queue", "cancel-previous");
        assertThatThrownBy(() -> OverlapPolicy.fromWire("cancel_previous"))
                .hasMessage("Invalid overlap policy \"cancel_previous\": use skip, queue or cancel-previous")
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.OVERLAP));
    }

    @Test
    void aBuiltScheduleHasTheDefaultsAndAnExplicitZone() {
        Schedule schedule = Schedule.builder(ScheduleName.of("nightly-maintenance"), ScheduleTarget.group("maintenance"),
                CronExpression.parse("0 3 * * *")).build();
        assertThat(schedule.zone()).isEqualTo(ScheduleZone.systemDefault());
        assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.ONCE);
        assertThat(schedule.grace()).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.SKIP);
        assertThat(schedule.condition()).isNull();
        assertThat(schedule.isPaused()).isFalse();
        assertThat(schedule.toBuilder().build()).isEqualTo(schedule);
    }

    @Test
    void graceMustBePositiveWholeSeconds() {
        Schedule.Builder builder = Schedule.builder(ScheduleName.of("x"), ScheduleTarget.all(), CronExpression.parse("@hourly"));
        assertThatThrownBy(() -> builder.grace(Duration.ZERO).build()).hasMessage("Invalid grace period 0 s: it must be positive")
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.GRACE));
        assertThatThrownBy(() -> builder.grace(Duration.ofSeconds(-60)).build()).hasMessage("Invalid grace period -60 s: it must be positive");
        assertThatThrownBy(() -> builder.grace(Duration.ofMillis(1500)).build()).hasMessage("Invalid grace period PT1.5S: use whole seconds");
    }

    @Test
    void pauseAndResume() {
        Schedule schedule = Schedule.builder(ScheduleName.of("x"), ScheduleTarget.all(), CronExpression.parse("@hourly"))
                .zone(ZoneId.of("UTC")).build();
        Pause pause = new Pause("ops", Instant.parse("2027-01-01T00:00:00Z"), "  ");
        assertThat(pause.reason()).isNull();
        Schedule paused = schedule.paused(pause);
        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.resumed()).isEqualTo(schedule);
        assertThatThrownBy(() -> new Pause(" ", Instant.EPOCH, null)).hasMessage("Invalid pause: say who paused the schedule");
        assertThatThrownBy(() -> new Pause("ops", null, null)).hasMessage("Invalid pause: say when the schedule was paused");
    }

    @Test
    void targetShapesAreChecked() {
        assertThat(ScheduleTarget.group("search").summary()).isEqualTo("group search");
        assertThat(ScheduleTarget.jobs(List.of("trending")).summary()).isEqualTo("job trending");
        assertThat(ScheduleTarget.all().summary()).isEqualTo("all jobs");
        assertThatThrownBy(() -> ScheduleTarget.group(" ")).hasMessage("Invalid target: scope group takes one group and no jobs");
        assertThatThrownBy(() -> ScheduleTarget.jobs(List.of())).hasMessage("Invalid target: scope jobs takes at least one job and no group");
        assertThatThrownBy(() -> new ScheduleTarget(PlanScope.ALL, "feed", List.of(), Map.of()))
                .hasMessage("Invalid target: scope all takes no group and no jobs");
        assertThatThrownBy(() -> ScheduleTarget.jobs(List.of("trending", "trending"))).hasMessage("Invalid target: a job is named twice");
    }

    @Test
    void paramNumbersAreKeptAsLongOrDouble() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("batchSize", 100);
        values.put("ratio", new BigDecimal("0.5"));
        values.put("incremental", true);
        ScheduleTarget target = ScheduleTarget.group("feed").withParams(Map.of("feed-presort", values));
        assertThat(target.params().get("feed-presort")).containsExactly(Map.entry("batchSize", 100L),
                Map.entry("ratio", 0.5), Map.entry("incremental", true));
        assertThatThrownBy(() -> ScheduleTarget.all().withParams(Map.of("feed-presort", Map.of("x", List.of()))))
                .hasMessage("Invalid params: feed-presort.x must be a number, string or boolean, got []")
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.PARAMS));
    }

    @Test
    void aTargetResolvesAgainstTheCatalogAsAnEnqueueDoes() {
        DependencyResolver resolver = new DependencyResolver(CATALOG);
        Plan plan = ScheduleTarget.group("search").resolve(resolver);
        assertThat(plan.jobNames()).contains("build-user-traits", "profile-search-index");
        assertThatThrownBy(() -> ScheduleTarget.group("serach").resolve(resolver)).isInstanceOf(UnknownGroupException.class);
        assertThatThrownBy(() -> ScheduleTarget.jobs(List.of("trendng")).resolve(resolver)).isInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> ScheduleTarget.group("maintenance")
                .withParams(Map.of("feed-presort", Map.of("batchSize", 1))).resolve(resolver))
                .isInstanceOf(InvalidParamsException.class).hasMessageStartingWith("Params given for feed-presort, which is not in this plan");
        assertThatThrownBy(() -> ScheduleTarget.group("feed")
                .withParams(Map.of("feed-presort", Map.of("batchSize", "many"))).resolve(resolver))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("param 'batchSize' must be a number");
    }
}
