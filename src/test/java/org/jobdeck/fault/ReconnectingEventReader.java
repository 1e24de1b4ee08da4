package org.jobdeck.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.jobdeck.server.SseStream;

/**
 * A raw reader of {@code GET /api/admin/jobs/events} that hangs up at random points (seeded) and
 * resumes with {@code Last-Event-ID}, the id of the last event it took in, as a browser's
 * EventSource does. It keeps no state but that id, and de-duplicates nothing: what it records is
 * exactly what the server sent ({@link ReceivedChanges}).
 */
final class ReconnectingEventReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A hang-up within this of connecting often falls in the replay of what was missed. */
    private static final int EARLY_MILLIS = 20;
    private static final int LATE_MILLIS = 300;

    final ReceivedChanges changes = new ReceivedChanges("event stream (raw, Last-Event-ID)");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final Random random;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile int connections;
    private volatile int resets;
    private volatile int refusals;
    private String lastId;
    private int eventsOnConnection;

    /** Connects, and returns once the stream said where it starts: every change after that is read. */
    ReconnectingEventReader(int port, String token, long seed) throws Exception {
        this.url = "http://127.0.0.1:" + port + "/api/admin/jobs/events";
        this.token = token;
        this.random = new Random(seed);
        SseStream first = SseStream.open(http, url, token, null);
        connections++;
        lastId = first.next(event -> "ready".equals(event.event()), 30).id();
        thread = new Thread(() -> follow(first), "reconnecting-event-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(SseStream first) {
        SseStream stream = first;
        try {
            while (!stopping) {
                long connected = System.nanoTime();
                int millis = random.nextInt(4) == 0 ? random.nextInt(EARLY_MILLIS) : random.nextInt(LATE_MILLIS);
                long hangUp = connected + Duration.ofMillis(millis).toNanos();
                for (long left = millis; left > 0 && !stopping; left = (hangUp - System.nanoTime()) / 1_000_000) {
                    SseStream.Event event = stream.poll(left);
                    if (event != null) {
                        take(event);
                    }
                }
                stream.close(); // events that arrived after the hang-up are not taken in: they come again
                stream = reconnect();
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the stream is over either way
            }
        }
    }

    private void take(SseStream.Event event) throws IOException {
        if (event.comment() != null) {
            return;
        }
        eventsOnConnection++;
        if ("reset".equals(event.event())) {
            resets++;
        } else if ("runs".equals(event.event())) {
            for (JsonNode run : JSON.readTree(event.data()).path("runs")) {
                changes.received(run.path("jobRunId").asText(), run.path("version").asLong(),
                        "event " + eventsOnConnection + " of connection " + connections);
            }
        }
        if (event.id() != null) {
            lastId = event.id();
        }
    }

    private SseStream reconnect() throws Exception {
        while (true) {
            try {
                SseStream stream = SseStream.open(http, url, token, lastId);
                connections++;
                eventsOnConnection = 0;
                return stream;
            } catch (SseStream.Refused refused) {
                if (refused.status != 429) {
                    throw refused;
                }
                refusals++; // the server has not yet seen the last hang-up: its slot is still taken
                Thread.sleep(50);
            }
        }
    }

    /** Waits (up to {@code timeout}) until every run was received at its version in {@code database}. */
    boolean awaitEvery(Map<String, Long> database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!changes.hasEvery(database) && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return changes.hasEvery(database);
    }

    int connections() {
        return connections;
    }

    int resets() {
        return resets;
    }

    int refusals() {
        return refusals;
    }

    /** Whatever ended the reader early, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }
}
