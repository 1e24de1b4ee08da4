package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.junit.jupiter.api.Test;

/**
 * What event streams may cost the server: threads that do not grow with the streams, and caps
 * on how many are open, in all and per token, answered with 429 and Retry-After.
 */
class EventStreamBoundsTest extends ServerFixture {
    private static final String EVENTS = RunEventStream.PATH;

    private void restart(StreamSettings streams) {
        server.close();
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER)
                .withStreams(streams));
    }

    private RawStream open(String token) throws Exception {
        return RawStream.open(server.port(), token, 0).await("event: ready", 5);
    }

    private StreamAnswer refused(String token) throws Exception {
        return StreamAnswer.send(http, request(EVENTS, token).header("Accept", "text/event-stream").GET().build());
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void twoHundredStreamsDoNotTakeAThreadEachAndAllHearEveryChange() throws Exception {
        restart(StreamSettings.defaults().withKeepAlive(300).withCaps(1_000, 1_000));
        try (RawStream first = open(ADMIN)) {
            int before = liveThreads(); // the server's own threads are up once one stream is served
            List<RawStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    streams.add(open(i % 2 == 0 ? ADMIN : READER));
                }
                int grown = liveThreads() - before;
                assertThat(grown).as("threads added by 200 open streams").isLessThan(20);

                String batch = backend.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "test")).batchId();
                for (RawStream stream : streams) {
                    stream.await("\"batchId\":\"" + batch + "\"", 10);
                }
            } finally {
                for (RawStream stream : streams) {
                    stream.close();
                }
            }
        }
    }

    @Test
    void aTokenBeyondItsShareOfStreamsGets429WithRetryAfter() throws Exception {
        restart(StreamSettings.defaults().withKeepAlive(300).withCaps(10, 2));
        try (RawStream one = open(READER); RawStream two = open(READER)) {
            StreamAnswer third = refused(READER);

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.errorCode()).isEqualTo("too_many_streams");
            assertThat(third.errorMessage()).contains("This token has 2 event streams open").doesNotContain(READER);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("10");
            try (RawStream admin = open(ADMIN)) {
                assertThat(admin.received()).as("another token still gets a stream").contains("event: ready");
            }
        }
    }

    @Test
    void theServerBeyondItsCapInAllGives429WithRetryAfter() throws Exception {
        restart(StreamSettings.defaults().withKeepAlive(300).withCaps(3, 2));
        try (RawStream one = open(READER); RawStream two = open(READER); RawStream three = open(ADMIN)) {
            StreamAnswer fourth = refused(ADMIN);

            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.errorCode()).isEqualTo("too_many_streams");
            assertThat(fourth.errorMessage()).contains("The server has 3 event streams open");
            assertThat(fourth.headers().firstValue("Retry-After")).hasValue("10");
        }
    }

    @Test
    void aClosedStreamFreesItsSlot() throws Exception {
        restart(StreamSettings.defaults().withKeepAlive(300).withCaps(1, 1));
        RawStream only = open(ADMIN);
        assertThat(refused(READER).status()).isEqualTo(429);

        only.close(); // the server notices at its next write, a keep-alive within 300 ms
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status = 429;
        while (status == 429 && System.nanoTime() < deadline) {
            Thread.sleep(50); // as a client honouring Retry-After would, only shorter
            try (RawStream attempt = RawStream.open(server.port(), READER, 0)) {
                String head = attempt.await("\r\n", 5).received();
                status = Integer.parseInt(head.substring(9, 12));
                if (status == 200) {
                    attempt.await("event: ready", 5);
                }
            }
        }
        assertThat(status).as("a stream once the closed one's slot is free").isEqualTo(200);
        assertThat(server.openStreams()).isLessThanOrEqualTo(1);
    }
}
