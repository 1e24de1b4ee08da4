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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue commands (enqueue, worker, runs, cancel, retry) run in-process against a real H2
 * file in a temporary directory.
 */
class QueueCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HI = "[\"sh\", \"-c\", \"echo hi from $JOBDECK_JOB_NAME\"]";
    private static final String FAIL = "[\"sh\", \"-c\", \"exit 3\"]";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    /** Runs a command line against this test's database. */
    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", "jdbc:h2:" + dir.resolve("db")));
        return runExactly(all.toArray(String[]::new));
    }

    private static Result runExactly(String... args) {
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

    /** The runs as {@code runs --json} lists them, by job name. */
    private Map<String, JsonNode> runsByJob(String... filter) throws IOException {
        Result result = run(Stream.concat(Stream.of("runs", "--json"), Stream.of(filter))
                .toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isZero();
        Map<String, JsonNode> byJob = new LinkedHashMap<>();
        result.json().get("runs").forEach(run -> byJob.put(run.get("jobName").asText(), run));
        return byJob;
    }

    /**
     * A diamond of command jobs: a; b and c need a; d needs b and c. Each says hello, except c
     * when {@code failingC}: it exits 3, with one attempt only.
     */
    private Path commandCatalog(boolean failingC) throws IOException {
        String c = failingC ? FAIL + ", \"maxAttempts\": 1" : HI;
        Path file = dir.resolve(failingC ? "failing.json" : "hello.json");
        Files.writeString(file, """
                {"groups": [{"name": "g", "title": "G", "purpose": "Command jobs"}],
                 "jobs": [
                  {"name": "a", "description": "A", "group": "g", "examples": [], "command": %1$s},
                  {"name": "b", "description": "B", "group": "g", "dependencies": ["a"], "examples": [],
                   "command": %1$s},
                  {"name": "c", "description": "C", "group": "g", "dependencies": ["a"], "examples": [],
                   "command": %2$s},
                  {"name": "d", "description": "D", "group": "g", "dependencies": ["b", "c"], "examples": [],
                   "command": %1$s}
                 ]}
                """.formatted(HI, c));
        return file;
    }

    // ---------------------------------------------------------------- enqueue

    @Test
    void enqueueOfFeedGroupReturnsSixRunsWithTheSeedsFieldNames() throws IOException {
        Result result = run("enqueue", "--group", "feed", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode root = result.json();
        assertThat(fieldNames(root)).containsExactly("status", "group", "count", "batchId", "jobs");
        assertThat(root.get("status").asText()).isEqualTo("enqueued");
        assertThat(root.get("group").asText()).isEqualTo("feed");
        assertThat(root.get("count").asInt()).isEqualTo(6);
        assertThat(root.get("batchId").asText()).isNotBlank();

        JsonNode jobs = root.get("jobs");
        assertThat(jobs).hasSize(6);
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode job : jobs) {
            assertThat(fieldNames(job)).containsExactly("jobName", "jobRunId", "group");
            names.add(job.get("jobName").asText() + "@" + job.get("group").asText());
            ids.add(job.get("jobRunId").asText());
        }
        assertThat(names.get(0)).isEqualTo("build-user-traits@matching");
        assertThat(names).containsExactlyInAnyOrder("build-user-traits@matching", "match-scores@matching",
                "content-features@feed", "trending@feed", "affinity@feed", "feed-presort@feed");
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
    }

    @Test
    void enqueueOfAllJobsCountsSeventeenAndHasNoTopLevelGroup() throws IOException {
        JsonNode root = run("enqueue", "--all", "--json").json();

        assertThat(root.get("count").asInt()).isEqualTo(17);
        assertThat(root.get("jobs")).hasSize(17);
        assertThat(fieldNames(root)).containsExactly("status", "count", "batchId", "jobs");
    }

    @Test
    void enqueueWithoutJsonPrintsASummaryAndATableOfRuns() {
        Result result = run("enqueue", "--job", "trending");

        assertThat(result.code()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("Enqueued 2 runs as batch \\d+");
        assertThat(lines.get(2).strip().split("\\s+")).containsExactly("RUN", "JOB", "GROUP");
        assertThat(lines.subList(3, 5)).satisfiesExactly(
                line -> assertThat(line.strip()).matches("\\d+\\s+content-features\\s+feed"),
                line -> assertThat(line.strip()).matches("\\d+\\s+trending\\s+feed"));
    }

    @Test
    void paramOverridesAreTypedLikeTheDefaultsAndShowInTheRunsParams() throws IOException {
        Result result = run("enqueue", "--group", "feed", "--json",
                "--param", "match-scores.topK=5",
                "--param", "build-user-traits.incremental=true");
        assertThat(result.code()).as(result.err()).isZero();

        Map<String, JsonNode> runs = runsByJob("--batch", result.json().get("batchId").asText());
        JsonNode matchScores = runs.get("match-scores").get("params");
        assertThat(matchScores.get("topK").isIntegralNumber()).isTrue();
        assertThat(matchScores.get("topK").asInt()).isEqualTo(5);
        assertThat(matchScores.get("batchSize").asInt()).isEqualTo(200);
        assertThat(runs.get("build-user-traits").get("params").get("incremental").isBoolean()).isTrue();
        assertThat(runs.get("build-user-traits").get("params").get("incremental").asBoolean()).isTrue();
        assertThat(runs.get("affinity").get("params").get("batchSize").asInt()).isEqualTo(500);
    }

    @Test
    void aValueMayHoldDotsAndEqualsSignsAndAKeyADot() throws IOException {
        Path catalog = dir.resolve("labels.json");
        Files.writeString(catalog, """
                {"jobs": [{"name": "tag", "description": "T", "group": "g", "examples": [],
                  "params": {"label": {"type": "string"}, "db.schema": {"type": "string"}}}]}
                """);
        Result result = run("--catalog", catalog.toString(), "enqueue", "--job", "tag", "--json",
                "--param", "tag.label=a.b=c", "--param", "tag.db.schema=demo");
        assertThat(result.code()).as(result.err()).isZero();

        JsonNode params = runsByJob("--batch", result.json().get("batchId").asText()).get("tag").get("params");
        assertThat(params.get("label").asText()).isEqualTo("a.b=c");
        assertThat(params.get("db.schema").asText()).isEqualTo("demo");
    }

    @Test
    void malformedParamIsAOneLineUsageErrorNamingIt() {
        for (String bad : List.of("foo", ".x=1", "job.=1", "job.key")) {
            Result result = run("enqueue", "--group", "feed", "--param", bad);

            assertThat(result.code()).as(bad).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.errLines()).as(bad).singleElement().asString()
                    .startsWith("jobdeck enqueue: ")
                    .contains("'" + bad + "'", "JOB.KEY=VALUE");
        }
    }

    @Test
    void paramOfAnUnknownJobExitsWithTwo() {
        Result result = run("enqueue", "--group", "feed", "--param", "match-scorez.topK=5");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("Unknown job: match-scorez", "did you mean match-scores?");
    }

    @Test
    void paramOfTheWrongTypeExitsWithTwoAndSaysWhichTypeItWants() throws IOException {
        Result result = run("enqueue", "--group", "feed", "--param", "match-scores.topK=many");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("jobdeck: Job match-scores: param 'topK' must be a number, got \"many\"");
        assertThat(runsByJob()).isEmpty();
    }

    @Test
    void paramOfAJobOutsideThePlanExitsWithTwo() {
        Result result = run("enqueue", "--group", "feed", "--param", "stats-reconcile.dryRun=true");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("stats-reconcile", "not in this plan");
    }

    // ---------------------------------------------------------------- runs

    @Test
    void runsFiltersByState() throws IOException {
        run("enqueue", "--group", "feed");

        Map<String, JsonNode> queued = runsByJob("--state", "queued");
        assertThat(queued.keySet())
                .containsExactlyInAnyOrder("build-user-traits", "content-features", "affinity");
        queued.values().forEach(run -> assertThat(run.get("state").asText()).isEqualTo("queued"));
        assertThat(runsByJob("--state", "waiting").keySet())
                .containsExactlyInAnyOrder("match-scores", "trending", "feed-presort");
        assertThat(runsByJob("--state", "succeeded")).isEmpty();
    }

    @Test
    void runsJsonHasTheDocumentedFields() throws IOException {
        run("enqueue", "--job", "trending");

        JsonNode trending = runsByJob().get("trending");
        assertThat(fieldNames(trending)).contains("jobRunId", "jobName", "group", "state", "attempt",
                "batchId", "upstream", "params", "startedAt", "finishedAt", "error", "why");
        assertThat(trending.get("upstream")).hasSize(1);
        assertThat(trending.get("why").asText()).isEqualTo("waiting for content-features (queued)");
    }

    @Test
    void runsTableHasTheDocumentedColumnsNewestFirst() {
        run("enqueue", "--job", "trending");

        Result result = run("runs");
        assertThat(result.code()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).split("\\s+"))
                .containsExactly("ID", "JOB", "GROUP", "STATE", "ATTEMPT", "BATCH", "WHY");
        assertThat(lines.get(1))
                .contains("trending", "waiting", "0/3", "waiting for content-features (queued)");
        assertThat(lines.get(2)).contains("content-features", "queued", "queued: ready to run");
    }

    @Test
    void unknownStateExitsWithTwoAndListsTheStates() {
        Result result = run("runs", "--state", "done");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().isEqualTo("jobdeck: Unknown run state: done"
                + " (states: waiting, queued, running, succeeded, failed, cancelled, blocked)");
    }

    @Test
    void aHeartbeatNotShorterThanTheLeaseIsAOneLineUsageError() {
        Result result = run("worker", "--lease-seconds", "2", "--heartbeat-seconds", "2");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("jobdeck: --heartbeat-seconds (2) must be less than --lease-seconds (2)");
    }

    @Test
    void aLeaseOfZeroSecondsIsRefusedByServeToo() {
        Result result = run("serve", "--port", "0", "--lease-seconds", "0");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().isEqualTo("jobdeck: --lease-seconds must be at least 1, got 0");
    }

    // ---------------------------------------------------------------- cancel and retry

    @Test
    void cancelBlocksTheDownstreamRunsAndRetrySetsThemBackToWaiting() throws IOException {
        run("enqueue", "--job", "match-scores");
        String traits = runsByJob().get("build-user-traits").get("jobRunId").asText();
        String scores = runsByJob().get("match-scores").get("jobRunId").asText();

        Result cancel = run("cancel", traits);
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.out().strip()).isEqualTo("Run " + traits + " (build-user-traits): cancelled");
        assertThat(runsByJob().get("match-scores").get("state").asText()).isEqualTo("blocked");

        Result retry = run("retry", traits);
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(retry.out().lines().toList()).containsExactly(
                "Run " + traits + " (build-user-traits): retried, now queued",
                "Unblocked 1 downstream run:",
                "  Run " + scores + " (match-scores): waiting");
        assertThat(runsByJob().get("match-scores").get("state").asText()).isEqualTo("waiting");
    }

    @Test
    void retryingARunThatDidNotFailExitsWithTwoAndTheStoresMessage() throws IOException {
        run("enqueue", "--job", "affinity");
        String affinity = runsByJob().get("affinity").get("jobRunId").asText();

        Result result = run("retry", affinity);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().isEqualTo("jobdeck: Run " + affinity
                + " (affinity) is queued: only failed or cancelled runs can be retried");
    }

    @Test
    void unknownRunExitsWithTwo() {
        for (String command : List.of("cancel", "retry")) {
            Result result = run(command, "99");

            assertThat(result.code()).as(command).isEqualTo(2);
            assertThat(result.errLines()).as(command).containsExactly("jobdeck: Unknown run: 99");
        }
    }

    @Test
    void everyQueueCommandAnswersHelp() {
        for (String command : List.of("enqueue", "worker", "runs", "cancel", "retry")) {
            Result result = runExactly(command, "--help");

            assertThat(result.code()).as(command).isZero();
            assertThat(result.out()).as(command).startsWith("Usage: jobdeck " + command).contains("--db=URL");
        }
    }

    // ---------------------------------------------------------------- database and catalog errors

    @Test
    void badDatabaseUrlExitsWithTwoOnOneLineWithoutAStackTrace() {
        Result result = runExactly("runs", "--db", "foo:bar");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("jobdeck: Unsupported database URL: foo:bar")
                .doesNotContain("Exception");
    }

    @Test
    void unreachablePostgresqlExitsWithTwoOnOneLine() {
        Result result = runExactly("enqueue", "--all", "--db", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("jobdeck: Cannot connect to jdbc:postgresql://127.0.0.1:1/x")
                .doesNotContain("Exception");
    }

    @Test
    void invalidCatalogStillExitsWithThreeBeforeTheDatabaseIsOpened() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"groups": [{"name": "g"}],
                 "jobs": [
                  {"name": "x", "description": "X", "group": "g", "dependencies": ["y"], "examples": []},
                  {"name": "z", "description": "Z", "group": "nope", "examples": []}]}
                """);

        Result result = runExactly("enqueue", "--all", "--catalog", bad.toString(), "--db", "foo:bar");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.errLines()).containsExactlyInAnyOrder(
                "Dependency not found: y (required by x)", "Unknown group: nope (job z)");
    }

    // ---------------------------------------------------------------- working runs

    @Test
    void enqueueWaitWorksTheBatchAndExitsZeroWhenEveryRunSucceeded() throws IOException {
        Path catalog = commandCatalog(false);

        Result result = run("enqueue", "--all", "--wait", "--workers", "2", "--catalog", catalog.toString());

        assertThat(result.code()).as(result.out() + result.err()).isZero();
        assertThat(result.out().lines().toList()).last().isEqualTo("4 runs: 4 succeeded");
        assertThat(result.out()).contains("(a): succeeded", "(d): succeeded");
        assertThat(runsByJob("--catalog", catalog.toString()).values())
                .allSatisfy(run -> assertThat(run.get("state").asText()).isEqualTo("succeeded"));
    }

    @Test
    void enqueueWaitExitsOneWhenARunFailsAndItsDownstreamRunIsBlocked() throws IOException {
        Path catalog = commandCatalog(true);

        Result result = run("enqueue", "--all", "--wait", "--workers", "2", "--catalog", catalog.toString());

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out().lines().toList()).last()
                .isEqualTo("4 runs: 2 succeeded, 1 failed, 1 blocked");
        assertThat(result.out())
                .contains("(c): failed after 1 attempt: exit code 3", "(d): blocked: c failed");
        Map<String, JsonNode> runs = runsByJob("--catalog", catalog.toString());
        assertThat(runs.get("c").get("state").asText()).isEqualTo("failed");
        assertThat(runs.get("c").get("error").asText()).startsWith("exit code 3");
        assertThat(runs.get("d").get("state").asText()).isEqualTo("blocked");
        assertThat(runs.get("b").get("state").asText()).isEqualTo("succeeded");
    }

    @Test
    void enqueueWaitWithJsonKeepsProgressOffStdout() throws IOException {
        Path catalog = commandCatalog(true);

        Result result = run("enqueue", "--all", "--wait", "--json", "--workers", "2",
                "--catalog", catalog.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.json().get("count").asInt()).isEqualTo(4);
        assertThat(result.errLines()).last().isEqualTo("4 runs: 2 succeeded, 1 failed, 1 blocked");
    }

    @Test
    void workerUntilIdleWorksEnqueuedRunsAndExitsZero() throws IOException {
        Path catalog = commandCatalog(false);
        assertThat(run("enqueue", "--all", "--catalog", catalog.toString()).code()).isZero();

        Result result = run("worker", "--until-idle", "--concurrency", "2", "--catalog", catalog.toString());

        assertThat(result.code()).as(result.out() + result.err()).isZero();
        assertThat(result.out().lines().toList()).last().isEqualTo("Queue is idle; worker stopped.");
        assertThat(runsByJob("--catalog", catalog.toString()).values())
                .hasSize(4)
                .allSatisfy(run -> assertThat(run.get("state").asText()).isEqualTo("succeeded"));
    }
}
