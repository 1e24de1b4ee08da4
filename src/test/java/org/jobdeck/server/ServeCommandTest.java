package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.cli.Main;
import org.jobdeck.queue.JobdeckHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobdeck serve} run in a thread as a user would run it, and the CLI commands that talk
 * to it with {@code --server}: the way a script uses both.
 */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "serve-command-test-token-0123456789";

    @TempDir
    Path dir;

    private final List<ServeInThread> servers = new ArrayList<>();

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (ServeInThread serving : servers) {
            serving.stop();
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path tokenFile(String name, String content, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private ServeInThread serve(String... extra) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--db", "jdbc:h2:" + dir.resolve("db")));
        args.addAll(List.of(extra));
        ServeInThread serving = new ServeInThread(args.toArray(String[]::new));
        servers.add(serving);
        return serving.awaitListening();
    }

    @Test
    void groupsAndPlanWithServerShowTheServersCatalogNotTheBuiltInOne() throws Exception {
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"groups": [{"name": "alpha", "title": "Alpha", "purpose": "first"},
                            {"name": "beta", "title": "Beta", "purpose": "second"}],
                 "jobs": [{"name": "a1", "description": "first job", "group": "alpha", "dependencies": [],
                           "defaultParams": {}, "examples": []},
                          {"name": "b1", "description": "second job", "group": "beta", "dependencies": ["a1"],
                           "defaultParams": {}, "examples": []}]}
                """);
        Path token = tokenFile("token", TOKEN + "\n", "rw-------");
        ServeInThread serving = serve("--catalog", catalog.toString(), "--token-file", token.toString(), "--workers", "0");

        Result groups = run("groups", "--server", serving.url, "--token-file", token.toString(), "--json");
        assertThat(groups.code()).as(groups.err()).isZero();
        assertThat(groups.json().get("groups")).extracting(group -> group.get("group").asText())
                .containsExactly("alpha", "beta");

        Result plan = run("--server", serving.url, "--token-file", token.toString(), "plan", "--group", "beta");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("2 jobs: 1 member of beta, 1 dependency");
        assertThat(plan.out()).containsPattern("1 +a1 +alpha +dependency");

        Result planJson = run("plan", "--job", "b1", "--server", serving.url, "--token-file", token.toString(), "--json");
        assertThat(planJson.json().get("jobs")).extracting(job -> job.get("jobName").asText()).containsExactly("a1", "b1");

        Result both = run("groups", "--server", serving.url, "--db", "jdbc:h2:mem:x");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--server and --db exclude each other");
    }

    @Test
    void serveListensAndEnqueueThroughItReturnsTheFeedsSixRuns() throws Exception {
        Path token = tokenFile("token", TOKEN + "\n", "rw-------");
        ServeInThread serving = serve("--token-file", token.toString(), "--workers", "0");

        assertThat(serving.out.toString()).startsWith("Listening on http://127.0.0.1:" + serving.port + "\n");
        Result enqueued = run("enqueue", "--server", serving.url, "--token-file", token.toString(),
                "--group", "feed", "--json");

        assertThat(enqueued.code()).as(enqueued.err()).isZero();
        JsonNode root = enqueued.json();
        assertThat(root.get("count").asInt()).isEqualTo(6);
        assertThat(root.get("group").asText()).isEqualTo("feed");
        assertThat(root.get("jobs")).hasSize(6);

        Result runs = run("runs", "--server", serving.url, "--token-file", token.toString(), "--json");
        assertThat(runs.code()).as(runs.err()).isZero();
        assertThat(runs.json().get("runs")).hasSize(6);
        String presort = root.get("jobs").get(5).get("jobRunId").asText();
        Result cancelled = run("cancel", presort, "--server", serving.url, "--token-file", token.toString());
        assertThat(cancelled.out()).isEqualTo("Run " + presort + " (feed-presort): cancelled\n");
        Result retried = run("--server", serving.url, "--token-file", token.toString(), "retry", presort);
        assertThat(retried.code()).as(retried.err()).isZero();
        assertThat(retried.out()).startsWith("Run " + presort + " (feed-presort): retried, now waiting");

        assertThat(serving.out.toString() + serving.err).doesNotContain(TOKEN);
        assertThat(serving.stop()).isZero();
        assertThat(serving.out.toString()).endsWith("Stopped.\n");
        assertThat(isListening(serving.port)).isFalse();
    }

    @Test
    void withoutATokenTheServerRefusesAndTheCliExits2WithThe401() throws Exception {
        assumeTrue(System.getenv("JOBDECK_TOKEN") == null, "JOBDECK_TOKEN is set in this environment");
        Path token = tokenFile("token", TOKEN, "rw-------");
        ServeInThread serving = serve("--token-file", token.toString(), "--workers", "0");

        Result result = run("enqueue", "--server", serving.url, "--group", "feed");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("jobdeck: The server refused the request without a token (401)");
        Result wrong = run("runs", "--server", serving.url, "--token-file",
                tokenFile("wrong", "a-wrong-token-of-some-length", "rw-------").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("jobdeck: The server refused the token (401):"
                + " The token is not valid for this server\n");
    }

    @Test
    void enqueueWaitAgainstAServerPollsUntilTheServersWorkersSettleTheBatch() throws Exception {
        Path catalog = dir.resolve("hello.json");
        Files.writeString(catalog, """
                {"groups": [{"name": "g", "title": "G", "purpose": "Command jobs"}],
                 "jobs": [
                  {"name": "a", "description": "A", "group": "g", "examples": [], "command": ["sh", "-c", "echo a"]},
                  {"name": "b", "description": "B", "group": "g", "dependencies": ["a"], "examples": [],
                   "command": ["sh", "-c", "echo b"]}
                 ]}
                """);
        Path token = tokenFile("token", TOKEN, "rw-------");
        ServeInThread serving = serve("--token-file", token.toString(), "--workers", "2", "--catalog", catalog.toString());

        Result result = run("enqueue", "--server", serving.url, "--token-file", token.toString(), "--all", "--wait");

        assertThat(result.code()).as(result.out() + result.err()).isZero();
        assertThat(result.out().lines().toList()).last().isEqualTo("2 runs: 2 succeeded");
        Result workersToo = run("enqueue", "--server", serving.url, "--token-file", token.toString(),
                "--all", "--wait", "--workers", "2");
        assertThat(workersToo.code()).isEqualTo(2);
        assertThat(workersToo.err()).contains("--workers needs the embedded queue");
    }

    @Test
    void aTokenFileThatIsMissingEmptyShortOrReadableByOthersStopsServeWithExit2() throws Exception {
        Path open = tokenFile("open", TOKEN, "rw-r--r--");
        Result readable = run("serve", "--port", "0", "--token-file", open.toString());
        assertThat(readable.code()).isEqualTo(2);
        assertThat(readable.err()).isEqualTo("jobdeck: Token file " + open
                + " is accessible to others (rw-r--r--): run chmod 600 " + open + "\n");

        Result missing = run("serve", "--port", "0", "--token-file", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("jobdeck: Token file not found: " + dir.resolve("nope") + "\n");

        Path empty = tokenFile("empty", "\n", "rw-------");
        Result blank = run("serve", "--port", "0", "--token-file", empty.toString());
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).isEqualTo("jobdeck: Token file is empty: " + empty + "\n");

        Path shortOne = tokenFile("short", "abc", "rw-------");
        Result tooShort = run("serve", "--port", "0", "--token-file", shortOne.toString());
        assertThat(tooShort.code()).isEqualTo(2);
        assertThat(tooShort.err()).contains("too short");

        Result client = run("runs", "--server", "http://127.0.0.1:9", "--token-file", open.toString());
        assertThat(client.code()).as("clients refuse such a file too").isEqualTo(2);
        assertThat(client.err()).contains("chmod 600");
    }

    @Test
    void withoutATokenFileServeGeneratesOneReadableByItsOwnerOnly() throws Exception {
        assumeTrue(System.getProperty("jobdeck.home") != null, "would overwrite ~/.jobdeck/admin.token");
        ServeInThread serving = serve("--workers", "0");

        Path generated = JobdeckHome.directory().resolve("admin.token");
        assertThat(serving.out.toString()).contains("Admin token written to " + generated + " (readable by you only)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        String token = Files.readString(generated).strip();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(serving.out.toString() + serving.err).doesNotContain(token);

        Result groups = run("runs", "--server", serving.url, "--token-file", generated.toString());
        assertThat(groups.code()).as(groups.err()).isZero();
    }

    @Test
    void serverAndDatabaseOptionsExcludeEachOther() {
        Result both = run("runs", "--server", "http://127.0.0.1:9", "--db", "jdbc:h2:" + dir.resolve("x"));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("jobdeck: --server and --db exclude each other: a server has its own database\n");

        Result unreachable = run("runs", "--server", "http://127.0.0.1:9");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).isEqualTo("jobdeck: Cannot reach http://127.0.0.1:9: Connection refused\n");
    }

    @Test
    void jobdeckServerAndJobdeckTokenInTheEnvironmentWork() throws Exception {
        Path token = tokenFile("token", TOKEN, "rw-------");
        ServeInThread serving = serve("--token-file", token.toString(), "--workers", "0");
        run("enqueue", "--server", serving.url, "--token-file", token.toString(), "--group", "quiz");

        Process process = javaMain(Map.of("JOBDECK_SERVER", serving.url, "JOBDECK_TOKEN", TOKEN), "runs", "--json");

        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor()).as(err).isZero();
        assertThat(JSON.readTree(out).get("runs")).hasSize(1);
    }

    @Test
    void maxStreamsPerTokenCapsTheEventStreamsOfServe() throws Exception {
        Path token = tokenFile("token", TOKEN, "rw-------");
        ServeInThread serving = serve("--token-file", token.toString(), "--workers", "0",
                "--max-streams", "5", "--max-streams-per-token", "1");
        try (RawStream first = RawStream.open(serving.port, TOKEN, 0).await("event: ready", 5);
             RawStream second = RawStream.open(serving.port, TOKEN, 0).await("\"too_many_streams\"", 5)) {
            assertThat(second.received()).startsWith("HTTP/1.1 429").contains("Retry-After: 10");
        }

        Result none = run("serve", "--port", "0", "--token-file", token.toString(), "--max-streams", "0");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("jobdeck: --max-streams and --max-streams-per-token must be 1 or more,"
                + " got 0 and 100\n");
    }

    /** {@code jobdeck ARGS} in a fresh JVM on this test's class path, with extra environment. */
    private static Process javaMain(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.jobdeck.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JOBDECK_DB");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static boolean isListening(int port) {
        try {
            new Socket("127.0.0.1", port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
