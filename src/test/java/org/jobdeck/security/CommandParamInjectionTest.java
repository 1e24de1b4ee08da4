package org.jobdeck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.cli.Main;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunSpec;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import org.jobdeck.server.JobdeckServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command job's params become its program's arguments, so a param key is a piece of a command
 * line. The job here runs a stand-in for tar: like tar, it runs whatever
 * {@code --checkpoint-action=exec=} names. An enqueue that tries to pass that option, through the
 * CLI or REST, is refused before anything is stored and the program never starts; a declared
 * param still reaches it as {@code --key=value}; and a hostile key that got into the database
 * anyway is never passed on.
 *
 * <p>The catalog declares its params through {@code defaultParams} only, the form older catalogs
 * use, so that it means the same before and after params could be declared.
 */
class CommandParamInjectionTest {
    private static final String ADMIN = "admin-token-for-injection-tests-0123456789";
    private static final String READER = "read-token-for-injection-tests-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path marker;
    private Path catalogFile;
    private DatabaseUrl db;

    @BeforeEach
    void writeTheJob() throws IOException {
        marker = dir.resolve("pwned");
        Path script = dir.resolve("archive.sh");
        Files.writeString(script, """
                #!/bin/sh
                # A stand-in for tar: it echoes its arguments and, like tar, runs what
                # --checkpoint-action=exec= names.
                for arg in "$@"; do
                  echo "arg:$arg"
                  case "$arg" in
                    --checkpoint-action=exec=*) sh -c "${arg#--checkpoint-action=exec=}" ;;
                  esac
                done
                """);
        catalogFile = dir.resolve("catalog.json");
        Files.writeString(catalogFile, """
                {"jobs": [{"name": "archive", "description": "Archive the uploads", "group": "ops",
                  "examples": [], "command": ["sh", %s], "maxAttempts": 1,
                  "defaultParams": {"label": "daily", "level": 6}}]}
                """.formatted(JSON.writeValueAsString(script.toString())));
        db = DatabaseUrl.parse("jdbc:h2:" + dir.resolve("db").toAbsolutePath());
    }

    private JobCatalog catalog() {
        return CatalogReader.read(catalogFile).toCatalog();
    }

    // ---------------------------------------------------------------- CLI

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--catalog", catalogFile.toString(), "--db", db.display()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private int storedRuns() {
        try (EmbeddedJobsApi api = EmbeddedJobsApi.open(catalog(), db, new HandlerRegistry(), null)) {
            return api.counts().values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Test
    void theCliRefusesAnUndeclaredKeyAndStoresNothing() {
        Result result = cli("enqueue", "--job", "archive", "--wait",
                "--param", "archive.checkpoint-action=exec=touch " + marker);

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString().startsWith(
                "jobdeck: Job archive: param 'checkpoint-action' is not declared (declared: label, level);"
                        + " a job with a command takes only the params it declares");
        assertThat(storedRuns()).isZero();
        assertThat(marker).doesNotExist();
    }

    @Test
    void theCliRefusesAKeyThatBreaksTheKeyRule() {
        for (String param : List.of("archive.--checkpoint-action=exec=touch " + marker,
                "archive.label --checkpoint-action=exec=touch " + marker, "archive.-v=1")) {
            Result result = cli("enqueue", "--job", "archive", "--wait", "--param", param);

            assertThat(result.code()).as(param).isEqualTo(2);
            assertThat(result.err().lines()).as(param).singleElement().asString()
                    .startsWith("jobdeck: Job archive: param key '").contains("' is not a valid name (a letter,");
        }
        assertThat(storedRuns()).isZero();
        assertThat(marker).doesNotExist();
    }

    @Test
    void theCliRefusesNumbersThatAreNotFinite() {
        for (String value : List.of("1e999999999", "Infinity", "-inf", "NaN")) {
            Result result = cli("enqueue", "--job", "archive", "--param", "archive.level=" + value);

            assertThat(result.code()).as(value).isEqualTo(2);
            assertThat(result.err().lines()).as(value).singleElement().asString()
                    .isEqualTo("jobdeck: Job archive: param 'level' must be a finite number, got \"" + value + "\"");
        }
        assertThat(storedRuns()).isZero();
    }

    @Test
    void aDeclaredParamReachesTheProgramFromTheCli() {
        Result result = cli("enqueue", "--job", "archive", "--wait", "--workers", "1",
                "--param", "archive.label=weekly", "--param", "archive.level=9");

        assertThat(result.code()).as(result.out() + result.err()).isZero();
        try (EmbeddedJobsApi api = EmbeddedJobsApi.open(catalog(), db, new HandlerRegistry(), null)) {
            RunView run = api.runs(RunFilter.latest(5)).get(0);
            assertThat(api.run(run.jobRunId(), 10).log()).extracting(line -> line.line())
                    .containsExactly("arg:--label=weekly", "arg:--level=9");
        }
    }

    // ---------------------------------------------------------------- REST

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    @Test
    void restRefusesHostileKeysAndNonFiniteNumbersWith400AndStoresNothing() throws Exception {
        try (EmbeddedJobsApi backend = EmbeddedJobsApi.open(catalog(), db, new HandlerRegistry(),
                WorkerSettings.defaults(1).withPoll(50));
             var server = JobdeckServer.start(backend,
                     JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER))) {
            String url = server.url() + "/api/admin/jobs/enqueue";
            Map<String, String> expected = Map.of(
                    "{\"checkpoint-action\":\"exec=touch " + marker + "\"}",
                    "Job archive: param 'checkpoint-action' is not declared",
                    "{\"--checkpoint-action\":\"exec=touch " + marker + "\"}",
                    "Job archive: param key '--checkpoint-action' is not a valid name",
                    "{\"label\\n--checkpoint-action\":\"x\"}",
                    "Job archive: param key 'label\\n--checkpoint-action' is not a valid name",
                    "{\"level\":1e999999999}", "Job archive: param 'level' must be a finite number, got Infinity",
                    "{\"level\":-1e999999999}", "Job archive: param 'level' must be a finite number, got -Infinity");
            for (Map.Entry<String, String> attack : expected.entrySet()) {
                Answer answer = post(url, "{\"jobs\":[\"archive\"],\"params\":{\"archive\":" + attack.getKey() + "}}");

                assertThat(answer.status()).as(attack.getKey()).isEqualTo(400);
                assertThat(answer.body().path("error").path("code").asText()).isEqualTo("invalid_params");
                assertThat(answer.body().path("error").path("message").asText()).as(attack.getKey())
                        .startsWith(attack.getValue()).doesNotContain("\n");
            }
            Thread.sleep(300); // the workers poll every 50 ms: time enough to run anything stored
            assertThat(backend.counts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
            assertThat(marker).doesNotExist();

            Answer accepted = post(url, "{\"jobs\":[\"archive\"],\"params\":{\"archive\":{\"label\":\"nightly\"}}}");
            assertThat(accepted.status()).isEqualTo(200);
            String runId = accepted.body().get("jobs").get(0).get("jobRunId").asText();
            await("the run to succeed", () -> backend.run(runId, 0).run().isSettled());
            assertThat(backend.run(runId, 10).run().state()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(backend.run(runId, 10).log()).extracting(line -> line.line())
                    .containsExactly("arg:--label=nightly", "arg:--level=6");
        }
    }

    // ---------------------------------------------------------------- a hostile key already stored

    @Test
    void aStoredKeyThatBreaksTheRuleFailsTheRunForGoodAndNeverReachesTheProgram() throws Exception {
        try (Database database = Database.open(db, 4)) {
            RunStore store = new RunStore(database, Clock.systemUTC());
            // As an older version, or anything else writing the table, might have stored it.
            String hostile = "label --checkpoint-action";
            var batch = store.batches().enqueue("jobs", "archive", "test", List.of(new RunSpec("archive", "ops", List.of(),
                    Map.of(hostile, "exec=touch " + marker), 3, 0, 0)), null);
            String runId = batch.runs().get(0).id();

            try (WorkerPool pool = new WorkerPool(store, catalog(), new HandlerRegistry(),
                    WorkerSettings.defaults(1).withPoll(50)).start()) {
                await("the run to end", () -> store.reads().find(runId).orElseThrow().state().isSettled());
            }

            Run run = store.reads().find(runId).orElseThrow();
            assertThat(run.state()).isEqualTo(RunState.FAILED);
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.error()).isEqualTo("param key 'label --checkpoint-action' is not a valid name"
                    + " (a letter, then letters, digits, '_', '.' or '-'); not passed to sh");
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    void aStoredUndeclaredKeyFailsTheRunForGood() throws Exception {
        try (Database database = Database.open(db, 4)) {
            RunStore store = new RunStore(database, Clock.systemUTC());
            var batch = store.batches().enqueue("jobs", "archive", "test", List.of(new RunSpec("archive", "ops", List.of(),
                    Map.of("checkpoint-action", "exec=touch " + marker), 3, 0, 0)), null);
            String runId = batch.runs().get(0).id();

            try (WorkerPool pool = new WorkerPool(store, catalog(), new HandlerRegistry(),
                    WorkerSettings.defaults(1).withPoll(50)).start()) {
                await("the run to end", () -> store.reads().find(runId).orElseThrow().state().isSettled());
            }

            Run run = store.reads().find(runId).orElseThrow();
            assertThat(run.state()).isEqualTo(RunState.FAILED);
            assertThat(run.error()).isEqualTo("param 'checkpoint-action' is not declared by the job; not passed to sh");
            assertThat(marker).doesNotExist();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
