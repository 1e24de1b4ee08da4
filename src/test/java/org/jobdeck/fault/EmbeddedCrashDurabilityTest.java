package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.client.ServerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmed means durable, on the embedded H2 file as on PostgreSQL: what a real
 * {@code jobdeck serve} answered 200 to, or what the CLI printed, is all there after the process
 * is killed with SIGKILL the moment it confirmed it, and the database reopened.
 */
class EmbeddedCrashDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ENQUEUES = 60;
    private static final String CATALOG = """
            {"groups": [{"name": "g", "title": "G", "purpose": "crash test"}],
             "jobs": [
              {"name": "quick", "description": "ends at once", "group": "g", "examples": [], "command": ["true"]},
              {"name": "slow", "description": "runs until killed", "group": "g", "examples": [],
               "command": ["sleep", "600"], "maxAttempts": 1},
              {"name": "after-slow", "description": "waits for slow", "group": "g", "dependencies": ["slow"],
               "examples": [], "command": ["true"]}
             ]}
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private String base;

    @Test
    void everyBatchTheServerConfirmedSurvivesSigkill() throws Exception {
        Path home = dir.resolve("home");
        List<String> batches = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (JobdeckJvm serve = serve(home, "0")) {
            for (int i = 0; i < ENQUEUES; i++) {
                JsonNode result = post("/enqueue-group", "{\"group\":\"g\"}");
                batches.add(result.path("batchId").asText());
                sizes.add(result.path("count").asInt());
            }
            serve.kill(); // at once: the last answer left the server a moment ago
        }
        try (Reopened db = reopen(home)) {
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = db.store.reads().batch(batches.get(i)).orElse(null);
                assertThat(batch).as("batch %s, confirmed with 200 (enqueue %d of %d)", batches.get(i), i + 1, ENQUEUES)
                        .isNotNull();
                assertThat(batch.runs()).as("runs of batch %s", batches.get(i)).hasSize(sizes.get(i));
            }
        }
    }

    @Test
    void confirmedCancelRetryAndCompletionSurviveSigkill() throws Exception {
        Path home = dir.resolve("home");
        String slow;
        String quick;
        String after;
        try (JobdeckJvm serve = serve(home, "2")) {
            JsonNode batch = post("/enqueue", "{\"jobs\":[\"after-slow\",\"quick\"]}");
            slow = runId(batch, "slow");
            quick = runId(batch, "quick");
            after = runId(batch, "after-slow");
            awaitState(quick, "succeeded");
            awaitState(slow, "running");
            assertThat(post("/runs/" + slow + "/cancel", null).path("jobRunId").asText()).isEqualTo(slow);
            awaitState(slow, "cancelled");
            JsonNode retried = post("/runs/" + slow + "/retry", null);
            assertThat(retried.path("runs").get(0).path("state").asText()).isIn("queued", "running");
            serve.kill();
        }
        try (Reopened db = reopen(home)) {
            assertThat(db.store.reads().find(quick).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            Run slowRun = db.store.reads().find(slow).orElseThrow();
            assertThat(slowRun.state()).as("retried after its cancel").isIn(RunState.QUEUED, RunState.RUNNING);
            assertThat(slowRun.maxAttempts()).as("the retry's fresh attempts").isEqualTo(2);
            assertThat(db.store.reads().find(after).orElseThrow().state()).as("unblocked by the retry").isEqualTo(RunState.WAITING);
        }
    }

    @Test
    void aBatchTheCliPrintedSurvivesSigkill() throws Exception {
        Path home = dir.resolve("home");
        Path catalog = catalogFile();
        Pattern enqueued = Pattern.compile("Enqueued (\\d+) runs? as batch (\\d+)");
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (JobdeckJvm cli = JobdeckJvm.start(home, dir.resolve("cli-" + i + ".log"), List.of(
                    "--catalog", catalog.toString(), "enqueue", "--job", "after-slow", "--wait", "--workers", "1"))) {
                String output = cli.awaitOutput(" as batch ", Duration.ofSeconds(60));
                cli.kill(); // the batch is being worked: the process would not have closed the database yet
                Matcher printed = enqueued.matcher(output);
                assertThat(printed.find()).as(output).isTrue();
                batches.add(printed.group(2));
            }
        }
        try (Reopened db = reopen(home)) {
            for (String batch : batches) {
                assertThat(db.store.reads().batch(batch)).as("batch %s, printed by the CLI", batch)
                        .hasValueSatisfying(found -> assertThat(found.runs()).hasSize(2));
            }
        }
    }

    private JobdeckJvm serve(Path home, String workers) throws Exception {
        Files.createDirectories(home);
        Path tokenFile = dir.resolve("admin.token");
        token = ServerTokens.generate();
        ServerTokens.write(tokenFile, token);
        JobdeckJvm serve = JobdeckJvm.start(home, dir.resolve("serve.log"), List.of("--catalog",
                catalogFile().toString(), "serve", "--port", "0", "--workers", workers, "--token-file", tokenFile.toString()));
        String output = serve.awaitOutput("Listening on ", Duration.ofSeconds(60));
        Matcher url = Pattern.compile("Listening on (http://\\S+)").matcher(output);
        assertThat(url.find()).isTrue();
        base = url.group(1) + "/api/admin/jobs";
        return serve;
    }

    private Path catalogFile() throws Exception {
        Path file = dir.resolve("catalog.json");
        if (!Files.exists(file)) {
            Files.writeString(file, CATALOG);
        }
        return file;
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        request = body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void awaitState(String runId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String now;
        while (!(now = get("/runs/" + runId).path("run").path("state").asText()).equals(state)) {
            assertThat(System.nanoTime()).as("run %s still %s, not %s", runId, now, state).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String runId(JsonNode batch, String job) {
        for (JsonNode entry : batch.path("jobs")) {
            if (entry.path("jobName").asText().equals(job)) {
                return entry.path("jobRunId").asText();
            }
        }
        throw new AssertionError("no " + job + " in " + batch);
    }

    /** The killed process's database, opened again as the next process would. */
    private static Reopened reopen(Path home) {
        Database database = Database.open(DatabaseUrl.parse("jdbc:h2:" + home.resolve("jobdeck")), 2);
        return new Reopened(database, new RunStore(database, Clock.systemUTC()));
    }

    private record Reopened(Database database, RunStore store) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
