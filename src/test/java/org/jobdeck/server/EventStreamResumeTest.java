package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.junit.jupiter.api.Test;

/**
 * Resuming an event stream: which Last-Event-IDs are refused, what a resume replays, and how
 * much it replays before the stream answers {@code reset} instead.
 */
class EventStreamResumeTest extends ServerFixture {
    private static final String EVENTS = RunEventStream.PATH;

    private StreamAnswer resume(String lastEventId) throws Exception {
        return StreamAnswer.send(http, request(EVENTS, ADMIN).header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastEventId).GET().build());
    }

    private static boolean isReady(SseStream.Event event) {
        return "ready".equals(event.event());
    }

    private static boolean isEvent(SseStream.Event event) {
        return event.comment() == null;
    }

    @Test
    void aLastEventIdThatNoStreamCanHaveSentIsRefusedWithWhatAValidOneIs() throws Exception {
        String head = backend.changes(null, 1).position();
        String future = head.replaceFirst("^h(\\d+)", "h" + (Long.parseLong(head.replaceAll("^h(\\d+)\\..*", "$1")) + 1_000));
        for (String id : List.of(Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE), "-1", "0", "abc",
                future, "1e3", "99999999999999999999", "h1.x", "p1:2:")) {
            StreamAnswer answer = resume(id);

            assertThat(answer.status()).as(id).isEqualTo(400);
            assertThat(answer.errorCode()).as(id).isEqualTo("invalid_request");
            assertThat(answer.errorMessage()).as(id)
                    .startsWith("Last-Event-ID must be the id of an event this server sent, got " + id + ": ");
        }
        String inQuery = EVENTS + "?lastEventId=" + URLEncoder.encode(future, StandardCharsets.UTF_8);
        StreamAnswer query = StreamAnswer.send(http, request(inQuery, ADMIN)
                .header("Accept", "text/event-stream").GET().build());
        assertThat(query.status()).as("the query form").isEqualTo(400);
    }

    @Test
    void aResumeReplaysExactlyTheChangesItMissedOnceEach() throws Exception {
        String position;
        try (SseStream first = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            position = first.next(EventStreamResumeTest::isReady, 5).id();
        }
        backend.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "missed")); // 6 runs

        try (SseStream resumed = SseStream.open(http, url(EVENTS), ADMIN, position)) {
            assertThat(resumed.next(EventStreamResumeTest::isReady, 5).id()).isEqualTo(position);
            List<String> replayed = new ArrayList<>();
            while (replayed.size() < 6) {
                SseStream.Event event = resumed.next(EventStreamResumeTest::isEvent, 5);
                assertThat(event.event()).isEqualTo("runs");
                JSON.readTree(event.data()).get("runs").forEach(run ->
                        replayed.add(run.get("jobRunId").asText() + "@" + run.get("version").asLong()));
            }
            assertThat(replayed).hasSize(6).doesNotHaveDuplicates();
        }
    }

    @Test
    void aReplayThatWouldPassItsLimitStopsWithReset() throws Exception {
        server.close();
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER)
                .withStreams(StreamSettings.defaults().withKeepAlive(300).withReplayLimit(5)));
        String position;
        try (SseStream first = SseStream.open(http, url(EVENTS), ADMIN, null)) {
            position = first.next(EventStreamResumeTest::isReady, 5).id();
        }
        backend.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "missed")); // 6 runs
        backend.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "missed")); // 3 more

        try (SseStream resumed = SseStream.open(http, url(EVENTS), ADMIN, position)) {
            assertThat(resumed.next(EventStreamResumeTest::isReady, 5).id()).isEqualTo(position);
            int replayed = 0;
            SseStream.Event event = resumed.next(EventStreamResumeTest::isEvent, 5);
            while ("runs".equals(event.event())) {
                replayed += JSON.readTree(event.data()).get("runs").size();
                event = resumed.next(EventStreamResumeTest::isEvent, 5);
            }
            assertThat(event.event()).isEqualTo("reset");
            assertThat(replayed).as("runs replayed before the reset").isLessThanOrEqualTo(5);
            assertThat(JSON.readTree(event.data()).get("reason").asText()).contains("more than 5 changes");
        }
    }
}
