package org.jobdeck.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw Server-Sent Events reader over java.net.http, for tests that pin the wire format (and the
 * fault tests, which check what the server sends, not what a client makes of it).
 */
public final class SseStream implements AutoCloseable {
    /** One event, or (with {@code comment} set) one comment line. */
    public record Event(String id, String event, String data, String comment) {
    }

    /** The server answered the request with another status than 200. */
    public static final class Refused extends AssertionError {
        public final int status;

        Refused(int status) {
            super("events answered " + status);
            this.status = status;
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseStream open(HttpClient http, String url, String token, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new Refused(response.statusCode());
        }
        return new SseStream(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || event != null) {
                        events.add(new Event(id, event, String.join("\n", data), null));
                    }
                    id = null;
                    event = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server ended it
        }
    }

    /** The next event or comment, or null when none comes within {@code millis}. */
    public Event poll(long millis) throws InterruptedException {
        return events.poll(Math.max(millis, 0), TimeUnit.MILLISECONDS);
    }

    /** The next event (or comment) that matches, skipping others; fails after {@code seconds}. */
    public Event next(Predicate<Event> matching, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + seconds + " s");
            }
            if (matching.test(event)) {
                return event;
            }
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
