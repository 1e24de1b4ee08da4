package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/admin/jobs/events}: event ids, keep-alives, and resuming with Last-Event-ID. */
class RunEventStreamTest extends ServerFixture {
    private static final String EVENTS = "/api/admin/jobs/events";

    @TempDir
    Path dir;

    /** The newest state per run id seen in an event's {@code {"runs":[…]}}. */
    private static Map<String, String> states(SseStream.Event event) throws Exception {
        Map<String, String> states = new HashMap<>();
        for (JsonNode run : JSON.readTree(event.data()).get("runs")) {
            states.put(run.get("jobRunId").asText(), run.get("state").asText());
        }
        return states;
    }

    @Test
    void eventsCarryTheirPositionsAsIdsAndKeepAlives() throws Exception {
        try (SseStream stream = SseStream.open(http, url(EVENTS), READER, null)) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            SseStream.Event ready = stream.next(e -> "ready".equals(e.event()), 5);
            String position = ready.id();
            assertThat(JSON.readTree(ready.data()).get("position").asText()).isEqualTo(position);

            post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\"}");
            SseStream.Event runs = stream.next(e -> "runs".equals(e.event()), 5);
            assertThat(states(runs)).hasSize(6).containsValue("queued").containsValue("waiting");
            assertThat(runs.id()).as("the position after these changes").isNotBlank().isNotEqualTo(position);

            SseStream.Event keepAlive = stream.next(e -> e.comment() != null, 5);
            assertThat(keepAlive.comment()).isEqualTo("keep-alive");
        }
    }

    @Test
    void aClientThatResumesWithLastEventIdGetsTheChangesItMissed() throws Exception {
        String presort;
        String lastId;
        try (SseStream stream = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            stream.next(e -> "ready".equals(e.event()), 5);
            JsonNode feed = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\"}").json();
            presort = feed.get("jobs").get(5).get("jobRunId").asText();
            lastId = stream.next(e -> "runs".equals(e.event()), 5).id();
        }
        // Disconnected: these changes happen while nobody listens.
        post("/api/admin/jobs/runs/" + presort + "/cancel", ADMIN, null);
        post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"quiz\"}");

        try (SseStream resumed = SseStream.open(http, url(EVENTS), ADMIN, lastId)) {
            assertThat(resumed.next(e -> "ready".equals(e.event()), 5).id()).isEqualTo(lastId);
            Map<String, String> seen = new HashMap<>();
            // Exactly what it missed: the cancelled run, and the quiz group's one run.
            while (!"cancelled".equals(seen.get(presort)) || seen.size() < 2) {
                SseStream.Event event = resumed.next(e -> "runs".equals(e.event()), 5);
                assertThat(event.id()).isNotBlank().isNotEqualTo(lastId);
                seen.putAll(states(event));
            }
            assertThat(seen.get(presort)).isEqualTo("cancelled");
            assertThat(seen).hasSize(2);
        }
    }

    @Test
    void changesByAnotherProcessOnTheSameDatabaseReachTheStreamWithinASecond() throws Exception {
        server.close();
        backend.close();
        DatabaseUrl shared = DatabaseUrl.parse("jdbc:h2:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE");
        var catalog = CatalogReader.readDefault().toCatalog();
        backend = EmbeddedJobsApi.open(catalog, shared, new HandlerRegistry(), null);
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER));
        try (EmbeddedJobsApi other = EmbeddedJobsApi.open(catalog, shared, new HandlerRegistry(), null);
             SseStream stream = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            stream.next(e -> "ready".equals(e.event()), 5);

            long started = System.nanoTime();
            String batch = other.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "elsewhere")).batchId();
            SseStream.Event event = stream.next(e -> "runs".equals(e.event()), 5);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(JSON.readTree(event.data()).get("runs").get(0).get("batchId").asText()).isEqualTo(batch);
            assertThat(millis).as("delay in ms").isLessThan(1_000);
        }
    }

    @Test
    void theStreamNeedsAcceptEventStreamAndALastEventIdItGaveOut() throws Exception {
        Answer json = get(EVENTS, ADMIN);
        assertThat(json.status()).isEqualTo(406);
        assertThat(json.errorCode()).isEqualTo("not_acceptable");

        Answer badId = send(request(EVENTS, ADMIN).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "yesterday").GET().build());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void stoppingTheServerEndsItsStreams() throws Exception {
        try (SseStream stream = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            stream.next(e -> "ready".equals(e.event()), 5);
            long started = System.nanoTime();
            server.close();
            assertThat((System.nanoTime() - started) / 1_000_000).as("stop in ms").isLessThan(3_000);
            server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER));
        }
    }
}
