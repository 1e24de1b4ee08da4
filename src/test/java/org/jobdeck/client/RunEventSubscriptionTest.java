package org.jobdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subscription against a scripted server, one answer per connection: what it does when the
 * stream says {@code reset}, when its resume position is refused, and when the server is full.
 */
class RunEventSubscriptionTest {
    private static final String EVENTS = "/api/admin/jobs/events";

    /** One connection as the server saw it: its Last-Event-ID (or null) and when it came. */
    record Connection(String lastEventId, long atNanos) {
    }

    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<List<RunView>> delivered = new LinkedBlockingQueue<>();
    private final AtomicInteger reloads = new AtomicInteger();
    private final OkHttpClient http = new OkHttpClient();
    private Javalin server;
    private RunEventSubscription subscription;

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        server.stop();
        // OkHttp's dispatcher threads are not daemons: left idle, they hold the test JVM open for a minute.
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Answers the n-th connection with {@code script.get(n)}, and any later one with 503. */
    private void serve(List<Consumer<Context>> script) {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get(EVENTS, ctx -> {
                connections.add(new Connection(ctx.header("Last-Event-ID"), System.nanoTime()));
                int n = connections.size() - 1;
                if (n < script.size()) {
                    script.get(n).accept(ctx);
                } else {
                    ctx.status(503).result("{}");
                }
            });
        }).start();
    }

    private static Consumer<Context> events(String... frames) {
        return ctx -> ctx.contentType("text/event-stream").result(String.join("", frames));
    }

    private static String frame(String id, String event, String data) {
        return "id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n";
    }

    private static String runs(String id, long version) {
        return "{\"runs\":[{\"jobRunId\":\"" + id + "\",\"state\":\"queued\",\"version\":" + version + "}]}";
    }

    private static RunView run(String id, long version) {
        return new RunView(id, "job", "group", RunStatus.SUCCEEDED, 1, 3, "1", 0, List.of(), Map.of(),
                null, null, null, null, null, null, null, version);
    }

    private void subscribe(List<RunView> snapshot) {
        RestTransport transport = new RestTransport(HttpUrl.get("http://127.0.0.1:" + server.port()),
                "scripted", "token", http);
        subscription = new RunEventSubscription(transport, http, delivered::add, () -> {
            reloads.incrementAndGet();
            return snapshot;
        }).start(Duration.ofSeconds(5));
    }

    private List<RunView> next() throws InterruptedException {
        List<RunView> runs = delivered.poll(5, TimeUnit.SECONDS);
        assertThat(runs).as("a delivery within 5 s").isNotNull();
        return runs;
    }

    private Connection connection(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connections.size() <= n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(connections).as("connections so far").hasSizeGreaterThan(n);
        return connections.get(n);
    }

    @Test
    void aResetReloadsTheSnapshotPassesOnWhatChangedAndResumesAfterIt() throws Exception {
        serve(List.of(
                events(frame("100", "ready", "{\"position\":100}"), frame("101", "runs", runs("7", 1))),
                events(frame("101", "ready", "{\"position\":101}"), frame("500", "reset", "{\"position\":500}"))));
        subscribe(List.of(run("7", 2), run("8", 1), run("9", 0)));

        assertThat(next()).extracting(RunView::jobRunId, RunView::version).containsExactly(tuple("7", 1L));
        assertThat(next()).as("the snapshot, reloaded").extracting(RunView::jobRunId, RunView::version)
                .containsExactly(tuple("7", 2L), tuple("8", 1L), tuple("9", 0L));
        assertThat(connection(1).lastEventId()).isEqualTo("101");
        assertThat(connection(2).lastEventId()).as("the next connection resumes after the reset").isEqualTo("500");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aSnapshotThatCannotBeLoadedIsTriedAgainFromBeforeTheReset() throws Exception {
        serve(List.of(
                events(frame("100", "ready", "{\"position\":100}")),
                events(frame("100", "ready", "{\"position\":100}"), frame("500", "reset", "{\"position\":500}")),
                events(frame("100", "ready", "{\"position\":100}"), frame("600", "reset", "{\"position\":600}"))));
        RestTransport transport = new RestTransport(HttpUrl.get("http://127.0.0.1:" + server.port()),
                "scripted", "token", http);
        subscription = new RunEventSubscription(transport, http, delivered::add, () -> {
            if (reloads.incrementAndGet() == 1) {
                throw new IllegalStateException("the server is busy");
            }
            return List.of(run("7", 3));
        }).start(Duration.ofSeconds(5));

        assertThat(next()).extracting(RunView::jobRunId).containsExactly("7");
        assertThat(connection(2).lastEventId()).as("not past the reset whose reload failed").isEqualTo("100");
        assertThat(connection(3).lastEventId()).isEqualTo("600");
        assertThat(reloads).hasValue(2);
    }

    @Test
    void aRefusedResumePositionStartsAfreshAndReloads() throws Exception {
        serve(List.of(
                events(frame("100", "ready", "{\"position\":100}")),
                ctx -> ctx.status(400).json(Map.of("error", Map.of("code", "invalid_request", "message", "no"))),
                events(frame("200", "ready", "{\"position\":200}"))));
        subscribe(List.of(run("7", 1)));

        assertThat(next()).as("the snapshot, reloaded").extracting(RunView::jobRunId).containsExactly("7");
        assertThat(connection(1).lastEventId()).isEqualTo("100");
        assertThat(connection(2).lastEventId()).as("after the 400: no resume position").isNull();
        assertThat(connection(3).lastEventId()).isEqualTo("200");
    }

    @Test
    void aServerAtItsStreamCapIsAskedAgainAfterItsRetryAfter() throws Exception {
        serve(List.of(
                ctx -> ctx.status(429).header("Retry-After", "1").json(Map.of("error",
                        Map.of("code", "too_many_streams", "message", "full"))),
                events(frame("100", "ready", "{\"position\":100}"))));
        subscribe(List.of());

        long waited = connection(1).atNanos() - connection(0).atNanos();
        assertThat(TimeUnit.NANOSECONDS.toMillis(waited)).as("ms between the 429 and the next try")
                .isGreaterThanOrEqualTo(1_000);
    }
}
