package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleJsonTest {
    static final ScheduleDefaults DEFAULTS = new ScheduleDefaults(ZoneId.of("Europe/Berlin"), "apply",
            Instant.parse("2027-01-02T03:04:05Z"));

    static final Schedule SEARCH = Schedule.builder(ScheduleName.of("nightly-search"), ScheduleTarget.group("search")
                    .withParams(Map.of("profile-search-index", Map.of("batchSize", 100))), CronExpression.parse("0 3 * * *"))
            .zone(ZoneId.of("Europe/Berlin"))
            .condition(new SqlProbe("SELECT count(*), max(updated_at) FROM users", Duration.ofSeconds(10)))
            .pause(new Pause("ops", Instant.parse("2027-01-01T00:00:00.123Z"), "until the index is rebuilt"))
            .build();
    static final Schedule MAINTENANCE = Schedule.builder(ScheduleName.of("nightly-maintenance"),
                    ScheduleTarget.group("maintenance"), CronExpression.parse("@daily"))
            .zone(ZoneId.of("UTC")).misfire(MisfirePolicy.SKIP).grace(Duration.ofMinutes(90))
            .overlap(OverlapPolicy.CANCEL_PREVIOUS).build();
    static final Schedule PROBED = Schedule.builder(ScheduleName.of("git-build"),
                    ScheduleTarget.jobs(List.of("trending", "affinity")), CronExpression.parse("*/30 * * * * *"))
            .zone(ZoneId.of("America/New_York")).overlap(OverlapPolicy.QUEUE)
            .condition(CommandProbe.of("git", "rev-parse", "HEAD")).build();

    @Test
    void exportThenApplyReadsTheSameSchedules() {
        String text = ScheduleWriter.fileText(List.of(SEARCH, MAINTENANCE, PROBED));
        ScheduleDocument read = ScheduleReader.parseFile(text, "schedules.json", DEFAULTS);
        assertThat(read.problems()).isEmpty();
        assertThat(read.toSchedules()).containsExactly(PROBED, MAINTENANCE, SEARCH);
        assertThat(ScheduleWriter.fileText(read.toSchedules())).isEqualTo(text);
    }

    @Test
    void theFileFormat() {
        assertThat(ScheduleWriter.fileText(List.of(SEARCH))).isEqualToIgnoringWhitespace("""
                {"schedules": [{
                  "name": "nightly-search",
                  "target": {"scope": "group", "group": "search", "params": {"profile-search-index": {"batchSize": 100}}},
                  "cron": "0 3 * * *",
                  "zone": "Europe/Berlin",
                  "misfire": "once",
                  "graceSeconds": 3600,
                  "overlap": "skip",
                  "condition": {"sql": "SELECT count(*), max(updated_at) FROM users", "timeoutSeconds": 10},
                  "paused": true,
                  "pausedBy": "ops",
                  "pausedAt": "2027-01-01T00:00:00.123Z",
                  "pausedReason": "until the index is rebuilt"
                }]}
                """);
    }

    @Test
    void theListEntryHasTheStaticPartsIssue14Names() {
        assertThat(ScheduleWriter.listEntry(SEARCH).toString()).isEqualTo("{\"name\":\"nightly-search\","
                + "\"target\":{\"scope\":\"group\",\"group\":\"search\"},\"cron\":\"0 3 * * *\",\"zone\":\"Europe/Berlin\","
                + "\"description\":\"at 03:00\",\"paused\":true,\"pausedBy\":\"ops\","
                + "\"pausedReason\":\"until the index is rebuilt\",\"misfire\":\"once\",\"overlap\":\"skip\","
                + "\"condition\":{\"sql\":\"SELECT count(*), max(updated_at) FROM users\",\"timeoutSeconds\":10}}");
        assertThat(ScheduleWriter.listEntry(PROBED).toString()).isEqualTo("{\"name\":\"git-build\","
                + "\"target\":{\"scope\":\"jobs\",\"jobs\":[\"trending\",\"affinity\"]},\"cron\":\"*/30 * * * * *\","
                + "\"zone\":\"America/New_York\",\"description\":\"every 30 seconds\",\"paused\":false,"
                + "\"misfire\":\"once\",\"overlap\":\"queue\","
                + "\"condition\":{\"command\":[\"git\",\"rev-parse\",\"HEAD\"],\"timeoutSeconds\":30}}");
    }

    @Test
    void leftOutFieldsTakeTheDefaults() {
        ScheduleDocument read = ScheduleReader.parseFile("""
                {"schedules": [{"name": "n", "target": {"scope": "all"}, "cron": "@hourly", "paused": true}]}
                """, "f.json", DEFAULTS);
        Schedule schedule = read.toSchedules().get(0);
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.ONCE);
        assertThat(schedule.grace()).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.overlap()).isEqualTo(OverlapPolicy.SKIP);
        assertThat(schedule.pause()).isEqualTo(new Pause("apply", Instant.parse("2027-01-02T03:04:05Z"), null));
    }

    @Test
    void everyProblemOfEverySchedulesIsReportedAtOnceWithItsPath() {
        ScheduleDocument read = ScheduleReader.parseFile("""
                {"schedules": [
                  {"name": "a", "target": {"scope": "group", "grup": "search"}, "cron": "0 25 * * *", "zone": "Mars/Base",
                   "graceSeconds": 0, "description": "nightly"},
                  {"name": "b", "target": {"scope": "jobs", "jobs": ["trending"], "params": {"trending": {"x": [1]}}},
                   "cron": "0 3 * * *", "misfire": "twice", "overlap": "wait",
                   "condition": {"sql": "DELETE FROM users", "timeoutSeconds": 1.5}},
                  {"name": "c", "target": {"scope": "all"}, "cron": "@daily", "condition": {"command": []},
                   "paused": "yes", "pausedAt": "yesterday"},
                  {"name": "Bad Name", "cron": 5},
                  {"name": "d", "target": {"scope": "all"}, "cron": "@daily", "pausedBy": "ops",
                   "condition": {"sql": "SELECT 1", "command": ["true"]}},
                  {"name": "e", "target": {"scope": "everything"}, "cron": "@daily"},
                  {"name": "f", "target": {"scope": "all"}, "cron": "@daily"},
                  {"name": "f", "target": {"scope": "all"}, "cron": "@hourly"},
                  "not an object"
                ], "version": 2}
                """, "schedules.json", DEFAULTS);
        assertThat(read.problems()).extracting(ScheduleProblem::message).containsExactly(
                "schedules.json: unknown field 'version'",
                "Schedule a: unknown field 'description'",
                "Schedule a: unknown field 'target.grup'",
                "Schedule a: Invalid target: scope group takes one group and no jobs",
                "Schedule a: Invalid cron \"0 25 * * *\": hour 25 is out of range 0-23",
                "Schedule a: Unknown zone \"Mars/Base\": use an IANA zone such as Europe/Berlin, America/New_York or UTC",
                "Schedule a: Invalid grace period 0 s: it must be positive",
                "Schedule b: field 'target.params.trending.x' must be a number, string or boolean",
                "Schedule b: Invalid misfire policy \"twice\": use once or skip",
                "Schedule b: Invalid overlap policy \"wait\": use skip, queue or cancel-previous",
                "Schedule b: field 'condition.timeoutSeconds' must be a whole number of seconds",
                "Schedule b: Invalid condition SQL: it must be a single SELECT, but begins with DELETE",
                "Schedule c: Invalid condition command: it is empty; give the program, then its arguments",
                "Schedule c: field 'paused' must be true or false",
                "Schedule c: pausedBy, pausedAt and pausedReason need \"paused\": true",
                "Schedule Bad Name: Invalid schedule name \"Bad Name\": use 1-64 lowercase letters, digits,"
                        + " '.', '_' or '-', starting with a letter or digit",
                "Schedule Bad Name: missing required field 'target'",
                "Schedule Bad Name: field 'cron' must be a string",
                "Schedule d: field 'condition' takes either 'sql' or 'command'",
                "Schedule d: pausedBy, pausedAt and pausedReason need \"paused\": true",
                "Schedule e: field 'target.scope' must be all, group or jobs, got \"everything\"",
                "Duplicate schedule name: f",
                "Schedule #9: must be an object");
        assertThat(read.schedules()).extracting(s -> s.name().value()).containsExactly("f");
        assertThat(read.problems().get(4).field()).isEqualTo(ScheduleField.CRON);
        assertThatThrownBy(read::toSchedules).isInstanceOf(InvalidSchedulesException.class)
                .satisfies(e -> assertThat(((InvalidSchedulesException) e).problems()).hasSize(23));
    }

    @Test
    void badJsonSaysWhere() {
        assertThat(ScheduleReader.parseFile("{\"schedules\": [\n  {\"name\": }]}", "s.json", DEFAULTS).problems())
                .extracting(ScheduleProblem::message).singleElement().asString()
                .startsWith("s.json:2:12: invalid JSON: Unexpected character ('}'");
        assertThat(ScheduleReader.parseFile("{\"schedules\": [], \"schedules\": []}", "s.json", DEFAULTS).problems())
                .extracting(ScheduleProblem::message).singleElement().asString().contains("Duplicate field 'schedules'");
        assertThat(ScheduleReader.parseFile("[]", "s.json", DEFAULTS).problems()).extracting(ScheduleProblem::message)
                .containsExactly("s.json: a schedule file is a JSON object with \"schedules\"");
        assertThat(ScheduleReader.parseFile("", "s.json", DEFAULTS).problems()).extracting(ScheduleProblem::message)
                .containsExactly("s.json: it is empty");
    }

    @Test
    void oneScheduleAsARequestBody() {
        String body = ScheduleWriter.fileEntry(MAINTENANCE).toString();
        assertThat(ScheduleReader.parseOne(body, "request body", DEFAULTS).toSchedules()).containsExactly(MAINTENANCE);
        assertThat(ScheduleReader.parseOne("{\"target\": {\"scope\": \"all\"}, \"cron\": \"@daily\"}", "request body", DEFAULTS)
                .problems()).extracting(ScheduleProblem::message).containsExactly("Schedule: missing required field 'name'");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedules.json");
        Files.writeString(file, ScheduleWriter.fileText(List.of(MAINTENANCE)));
        assertThat(ScheduleReader.read(file, DEFAULTS).toSchedules()).containsExactly(MAINTENANCE);
        assertThatThrownBy(() -> ScheduleReader.read(dir.resolve("missing.json"), DEFAULTS))
                .hasMessage("Cannot read schedules " + dir.resolve("missing.json") + ": no such file");
    }
}
