package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one poller's fan-out: every stream hears every change, another process's too, and a
 * client that stops reading delays none of the others.
 */
class EventStreamFanOutTest extends ServerFixture {
    private static final String EVENTS = RunEventStream.PATH;

    @TempDir
    Path dir;

    private static boolean isRuns(SseStream.Event event) {
        return "runs".equals(event.event());
    }

    @Test
    void aChangeByAnotherProcessReachesEveryStream() throws Exception {
        server.close();
        backend.close();
        DatabaseUrl shared = DatabaseUrl.parse("jdbc:h2:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE");
        var catalog = CatalogReader.readDefault().toCatalog();
        backend = EmbeddedJobsApi.open(catalog, shared, new HandlerRegistry(), null);
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER));
        List<SseStream> streams = new ArrayList<>();
        try (EmbeddedJobsApi other = EmbeddedJobsApi.open(catalog, shared, new HandlerRegistry(), null)) {
            for (String token : List.of(ADMIN, READER, ADMIN)) {
                SseStream stream = SseStream.open(http, url(EVENTS), token, null);
                streams.add(stream);
                stream.next(event -> "ready".equals(event.event()), 5);
            }
            String batch = other.enqueue(EnqueueRequest.of(PlanRequest.group("media"), "elsewhere")).batchId();

            for (SseStream stream : streams) {
                SseStream.Event event = stream.next(EventStreamFanOutTest::isRuns, 5);
                assertThat(JSON.readTree(event.data()).get("runs").get(0).get("batchId").asText()).isEqualTo(batch);
            }
        } finally {
            for (SseStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void aClientThatStopsReadingDelaysNoOtherStream() throws Exception {
        // One sender, so that a write blocked on the stuck client would hold up everyone.
        server.close();
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER)
                .withStreams(StreamSettings.defaults().withKeepAlive(300).withSenders(1, 500)));
        Map<String, Long> enqueuedAt = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newSingleThreadExecutor();
        try (RawStream stuck = RawStream.open(server.port(), READER, 1024).await("event: ready", 5);
             SseStream good = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            good.next(event -> "ready".equals(event.event()), 5);
            // Enough changes to fill the stuck client's socket many times over (about 8 KB each).
            Future<?> flooding = flood.submit(() -> {
                for (int i = 0; i < 400; i++) {
                    long started = System.nanoTime();
                    String batch = backend.enqueue(EnqueueRequest.of(PlanRequest.all(), "flood")).batchId();
                    enqueuedAt.put(batch, started);
                }
                return null;
            });

            Map<String, Long> arrivedAt = new HashMap<>();
            while (arrivedAt.size() < 400) {
                SseStream.Event event = good.next(EventStreamFanOutTest::isRuns, 10);
                long now = System.nanoTime();
                for (JsonNode run : JSON.readTree(event.data()).get("runs")) {
                    arrivedAt.putIfAbsent(run.get("batchId").asText(), now);
                }
            }
            flooding.get(30, TimeUnit.SECONDS);
            long worst = arrivedAt.entrySet().stream()
                    .mapToLong(arrival -> arrival.getValue() - enqueuedAt.get(arrival.getKey())).max().orElseThrow();

            assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).as("worst delay on the good stream, ms").isLessThan(2_000);
            assertThat(server.openStreams()).as("the stuck stream was closed").isEqualTo(1);
        } finally {
            flood.shutdownNow();
        }
    }
}
