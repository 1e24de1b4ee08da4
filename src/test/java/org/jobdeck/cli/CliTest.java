package org.jobdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jobdeck} command line, run in-process with captured output. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BAD_CATALOG = """
            {"groups": [{"name": "feed"}],
             "jobs": [
              {"name": "job-y", "description": "Y", "group": "feed", "dependencies": ["job-x"], "examples": []},
              {"name": "job-y", "description": "again", "group": "feed", "examples": []},
              {"name": "lost", "description": "L", "group": "g", "examples": []},
              {"name": "typo", "description": "T", "group": "feed", "dependecies": [], "examples": []},
              {"name": "job-a", "description": "A", "group": "feed", "dependencies": ["job-b"], "examples": []},
              {"name": "job-b", "description": "B", "group": "feed", "dependencies": ["job-a"], "examples": []}
             ]}
            """;
    private static final List<String> BAD_CATALOG_PROBLEMS = List.of(
            "Job typo: unknown field 'dependecies'",
            "Duplicate job name: job-y",
            "Dependency not found: job-x (required by job-y)",
            "Unknown group: g (job lost)",
            "Circular dependency detected: job-a -> job-b -> job-a");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Table rows with their column gaps (two or more spaces) shown as '|'. */
    private static List<String> rows(String table) {
        return table.lines().map(line -> line.strip().replaceAll("\\s{2,}", "|")).toList();
    }

    private Path catalogFile(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    // ---------------------------------------------------------------- groups

    @Test
    void groupsListsEveryGroupWithCountsAndUpstreamGroups() {
        Result result = run("groups");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(rows(result.out())).containsExactly(
                "GROUP|JOBS|DEPENDS ON|TITLE",
                "matching|3|-|Core Matching Algorithms",
                "feed|4|matching|Content & Feed Management",
                "search|4|matching|Search Infrastructure",
                "maintenance|3|-|System Maintenance",
                "media|2|-|Media Processing",
                "quiz|1|-|Quiz Analytics",
                "All jobs|17");
    }

    @Test
    void groupsJsonHasTheDocumentedFields() throws IOException {
        Result result = run("groups", "--json");

        assertThat(result.code()).isZero();
        JsonNode root = result.json();
        assertThat(fieldNames(root)).containsExactly("total", "groups");
        assertThat(root.get("total").asInt()).isEqualTo(17);

        JsonNode groups = root.get("groups");
        assertThat(groups).hasSize(6);
        groups.forEach(group -> assertThat(fieldNames(group))
                .containsExactly("group", "count", "title", "purpose", "dependsOnGroups"));
        List<String> summary = new ArrayList<>();
        groups.forEach(g -> summary.add(g.get("group").asText() + "=" + g.get("count").asInt()
                + texts(g.get("dependsOnGroups"))));
        assertThat(summary).containsExactly("matching=3[]", "feed=4[matching]", "search=4[matching]",
                "maintenance=3[]", "media=2[]", "quiz=1[]");

        JsonNode feed = groups.get(1);
        assertThat(feed.get("title").asText()).isEqualTo("Content & Feed Management");
        assertThat(feed.get("purpose").asText()).isEqualTo("Delivers personalized content to users.");
    }

    // ---------------------------------------------------------------- plan

    @Test
    void planOfFeedGroupAsJsonHasSixEntriesWithTheDocumentedFields() throws IOException {
        Result result = run("plan", "--group", "feed", "--json");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode root = result.json();
        assertThat(fieldNames(root)).contains("scope", "group", "count", "jobs").doesNotContain("requested");
        assertThat(root.get("scope").asText()).isEqualTo("group");
        assertThat(root.get("group").asText()).isEqualTo("feed");
        assertThat(root.get("count").asInt()).isEqualTo(6);

        JsonNode jobs = root.get("jobs");
        assertThat(jobs).hasSize(6);
        jobs.forEach(job -> assertThat(fieldNames(job))
                .containsExactly("position", "jobName", "group", "reason", "requiredBy", "wave"));
        assertThat(jobs.get(0)).isEqualTo(JSON.readTree("""
                {"position":1,"jobName":"build-user-traits","group":"matching","reason":"dependency",
                 "requiredBy":["match-scores"],"wave":0}
                """));

        List<String> lines = new ArrayList<>();
        jobs.forEach(j -> lines.add(j.get("position").asInt() + " " + j.get("jobName").asText() + " "
                + j.get("group").asText() + " " + j.get("reason").asText() + " w"
                + j.get("wave").asInt() + " " + texts(j.get("requiredBy"))));
        assertThat(lines).containsExactly(
                "1 build-user-traits matching dependency w0 [match-scores]",
                "2 content-features feed member w0 [trending, feed-presort]",
                "3 affinity feed member w0 [feed-presort]",
                "4 match-scores matching dependency w1 [feed-presort]",
                "5 trending feed member w1 []",
                "6 feed-presort feed member w2 []");
    }

    @Test
    void planOfFeedGroupAsTextStartsWithItsSummary() {
        Result result = run("plan", "--group", "feed");

        assertThat(result.code()).isZero();
        List<String> rows = rows(result.out());
        assertThat(rows.get(0)).isEqualTo("6 jobs: 4 members of feed, 2 dependencies from matching");
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.subList(2, rows.size())).containsExactly(
                "#|JOB|GROUP|REASON|WAVE|REQUIRED BY",
                "1|build-user-traits|matching|dependency|0|match-scores",
                "2|content-features|feed|member|0|trending, feed-presort",
                "3|affinity|feed|member|0|feed-presort",
                "4|match-scores|matching|dependency|1|feed-presort",
                "5|trending|feed|member|1|-",
                "6|feed-presort|feed|member|2|-");
    }

    @Test
    void planOfAllJobsCountsSeventeen() throws IOException {
        JsonNode root = run("plan", "--all", "--json").json();

        assertThat(root.get("scope").asText()).isEqualTo("all");
        assertThat(root.has("group")).isFalse();
        assertThat(root.get("count").asInt()).isEqualTo(17);
        assertThat(root.get("jobs")).hasSize(17);
        assertThat(root.get("jobs").get(16).get("jobName").asText()).isEqualTo("feed-presort");
    }

    @Test
    void planOfNamedJobsListsWhatWasRequested() throws IOException {
        Result result = run("plan", "--job", "feed-presort", "trending", "--json");

        assertThat(result.code()).isZero();
        JsonNode root = result.json();
        assertThat(root.get("scope").asText()).isEqualTo("jobs");
        assertThat(texts(root.get("requested"))).containsExactly("feed-presort", "trending");
        assertThat(root.get("count").asInt()).isEqualTo(6);
        assertThat(root.get("jobs").get(0).get("reason").asText()).isEqualTo("dependency");
    }

    // ---------------------------------------------------------------- validate

    @Test
    void validateReportsTheDefaultCatalogOk() {
        Result result = run("validate");

        assertThat(result.code()).isZero();
        assertThat(result.outLines()).containsExactly("Catalog OK: 17 jobs in 6 groups");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void validateAcceptsAGoodCatalogFile() throws IOException {
        Path file = catalogFile("good.json", """
                {"jobs": [
                  {"name": "a", "description": "A", "group": "one", "examples": ["x"]},
                  {"name": "b", "description": "B", "group": "two", "dependencies": ["a"], "examples": ["x"]}
                ]}
                """);

        Result result = run("validate", "--catalog", file.toString());

        assertThat(result.code()).isZero();
        assertThat(result.outLines()).containsExactly("Catalog OK: 2 jobs in 2 groups");
    }

    @Test
    void catalogOptionAlsoWorksBeforeTheCommand() throws IOException {
        Path file = catalogFile("good.json", """
                {"jobs": [{"name": "a", "description": "A", "group": "one", "examples": ["x"]},
                          {"name": "b", "description": "B", "group": "one", "examples": ["x"]}]}
                """);

        Result result = run("--catalog", file.toString(), "groups", "--json");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("\"total\" : 2");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownGroupExitsWithTwoAndListsTheKnownGroups() {
        Result result = run("plan", "--group", "fed");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains("Unknown group: fed (known groups: matching, feed, search, maintenance, media, quiz)");
    }

    @Test
    void unknownJobExitsWithTwoAndSuggestsTheClosestName() {
        Result result = run("plan", "--job", "trendng");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("Unknown job: trendng (did you mean trending?)");
    }

    @Test
    void missingSelectionIsAUsageErrorOnOneLine() {
        Result result = run("plan");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("jobdeck plan: ")
                .contains("--all", "--group", "--job");
    }

    @Test
    void conflictingSelectionsAreAUsageErrorOnOneLine() {
        Result result = run("plan", "--all", "--group", "feed");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
    }

    @Test
    void unknownCommandAndUnknownOptionAreUsageErrorsOnOneLine() {
        for (String[] args : List.of(new String[] {"frobnicate"}, new String[] {"groups", "--jsn"})) {
            Result result = run(args);
            assertThat(result.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(result.err()).doesNotContain("Exception");
        }
    }

    @Test
    void invalidCatalogExitsWithThreeAndEveryProblemOnItsOwnLine() throws IOException {
        Path file = catalogFile("bad.json", BAD_CATALOG);

        for (String command : List.of("validate", "groups", "plan")) {
            List<String> args = new ArrayList<>(List.of(command, "--catalog", file.toString()));
            if (command.equals("plan")) {
                args.add("--all");
            }
            Result result = run(args.toArray(String[]::new));

            assertThat(result.code()).as(command).isEqualTo(3);
            assertThat(result.out()).as(command).isEmpty();
            assertThat(result.errLines()).as(command).containsExactlyInAnyOrderElementsOf(BAD_CATALOG_PROBLEMS);
            assertThat(result.err()).as(command).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void badParamDeclarationsAreCatalogProblemsAllListedWithExitThree() throws IOException {
        Path file = catalogFile("params.json", """
                {"jobs": [
                  {"name": "tar", "description": "T", "group": "ops", "examples": [], "command": ["tar"],
                   "additionalParams": true,
                   "params": {"level": {"type": "int"}, "n": {"type": "integer", "min": 5, "max": 1}},
                   "defaultParams": {"bad key": 1, "ratio": 1e999999999}}
                ]}
                """);

        Result result = run("validate", "--catalog", file.toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Job tar: params.level: unknown type \"int\" (use string, integer, number or boolean)",
                "Job tar: params.n: min 5 is greater than max 1",
                "Job tar: defaultParams: param key 'bad key' is not a valid name (a letter, then letters, digits,"
                        + " '_', '.' or '-')",
                "Job tar: defaultParams.ratio must be a finite number, got Infinity",
                "Job tar: \"additionalParams\": true is not allowed on a job with a command, whose params become"
                        + " its program's arguments; declare each param instead");
    }

    @Test
    void malformedCatalogFileIsReportedWithPathLineAndColumn() throws IOException {
        Path file = catalogFile("broken.json", "{\n  \"jobs\": [\n    {\"name\": \"a\",}\n  ]\n}\n");

        Result result = run("validate", "--catalog", file.toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith(file + ":3:18: invalid JSON: ");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void missingCatalogFileExitsWithTwoOnOneLine() {
        Path missing = dir.resolve("nope.json");

        Result result = run("validate", "--catalog", missing.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "jobdeck: Cannot read catalog " + missing + ": no such file");
    }

    @Test
    void verboseAddsAStackTrace() {
        Path missing = dir.resolve("nope.json");

        Result quiet = run("validate", "--catalog", missing.toString());
        Result verbose = run("validate", "--catalog", missing.toString(), "--verbose");
        Result verboseFirst = run("--verbose", "validate", "--catalog", missing.toString());

        assertThat(quiet.err()).doesNotContain("at org.");
        for (Result result : List.of(verbose, verboseFirst)) {
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
            assertThat(result.err())
                    .contains("org.jobdeck.core.catalog.CatalogException: Cannot read catalog")
                    .contains("\tat org.jobdeck.");
        }
    }

    @Test
    void verboseInvalidCatalogStillListsEveryProblemFirst() throws IOException {
        Path file = catalogFile("bad.json", BAD_CATALOG);

        Result result = run("validate", "--catalog", file.toString(), "--verbose");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.errLines().subList(0, BAD_CATALOG_PROBLEMS.size()))
                .containsExactlyInAnyOrderElementsOf(BAD_CATALOG_PROBLEMS);
        assertThat(result.err()).contains("InvalidCatalogException").contains("\tat org.jobdeck.");
    }

    @Test
    void helpExitsWithZeroAndNamesTheCommands() {
        Result result = run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("groups", "plan", "validate", "--catalog", "--verbose");
    }
}
