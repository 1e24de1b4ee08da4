package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobdeck.api.RunView;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/admin/jobs/events}: run changes as Server-Sent Events.
 *
 * <ul>
 *   <li>{@code event: ready}, first: {@code {"position":P}}, with id P (where the stream starts);</li>
 *   <li>{@code event: runs}: {@code {"runs":[RunView…]}}, the runs that changed, oldest change
 *       first; its id is the newest {@code updated_at} (epoch ms) the stream has passed;</li>
 *   <li>a {@code : keep-alive} comment when nothing was sent for a while.</li>
 * </ul>
 *
 * <p>A client resumes with {@code Last-Event-ID} (or {@code ?lastEventId=}): the stream replays
 * the changes from that position minus {@link ChangeCursor#OVERLAP_MILLIS}, so it may repeat a
 * snapshot but misses none; clients keep, per run, the snapshot with the highest version. Each
 * connection polls the database on its own thread (every {@code pollMillis}, and at once when
 * this process changes a run), so changes from workers in other processes arrive too.
 */
final class RunEventStream implements AutoCloseable {
    static final String PATH = TokenAuth.PROTECTED_PREFIX + "/events";
    private static final Logger LOG = LoggerFactory.getLogger(RunEventStream.class);
    private static final int RUNS_PER_EVENT = 200;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final EmbeddedJobsApi api;
    private final RunStore store;
    private final long pollMillis;
    private final long keepAliveMillis;
    private final Object signal = new Object();
    private final AtomicInteger open = new AtomicInteger();
    private long changes;
    private volatile boolean closed;

    RunEventStream(EmbeddedJobsApi api, long pollMillis, long keepAliveMillis) {
        this.api = api;
        this.store = api.store();
        this.pollMillis = pollMillis;
        this.keepAliveMillis = keepAliveMillis;
        store.onChange(this::changed);
    }

    /** A before-handler for {@link #PATH}: the stream's own preconditions, while a status can still be set. */
    static void checkRequest(Context ctx) {
        if (!ctx.path().equals(PATH)) {
            return;
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new HttpProblem(406, "not_acceptable",
                    "This is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        lastEventId(ctx);
    }

    /** Serves one connection until the client goes away or the server stops. */
    void serve(SseClient client) {
        Long resume = lastEventId(client.ctx());
        long position = resume != null ? resume : store.now();
        ChangeCursor cursor = new ChangeCursor(store, position);
        open.incrementAndGet();
        try {
            client.sendEvent("ready", "{\"position\":" + position + "}", Long.toString(position));
            long lastWrite = System.currentTimeMillis();
            long seen = changeCount();
            while (!closed && !client.terminated()) {
                ChangeCursor.Poll poll = cursor.poll();
                if (!poll.runs().isEmpty()) {
                    position = send(client, poll.runs(), position);
                    lastWrite = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - lastWrite >= keepAliveMillis) {
                    client.sendComment("keep-alive");
                    lastWrite = System.currentTimeMillis();
                }
                if (!poll.more()) {
                    seen = awaitChange(seen);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The client resumes from its last event id; the database may be back by then.
            LOG.warn("Run event stream ended: {}", e.toString());
        } finally {
            open.decrementAndGet();
        }
    }

    private long send(SseClient client, List<Run> runs, long position) {
        long id = position;
        for (int from = 0; from < runs.size() && !client.terminated(); from += RUNS_PER_EVENT) {
            List<Run> chunk = runs.subList(from, Math.min(runs.size(), from + RUNS_PER_EVENT));
            for (Run run : chunk) {
                id = Math.max(id, run.updatedAt());
            }
            List<RunView> views = api.views(chunk);
            client.sendEvent("runs", ServerJson.write(new RunRoutes.RunList(views)), Long.toString(id));
        }
        return id;
    }

    /** The connections being served now. */
    int openConnections() {
        return open.get();
    }

    static Long lastEventId(Context ctx) {
        String text = ctx.header("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = ctx.queryParam("lastEventId");
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw HttpProblem.invalidRequest("Last-Event-ID must be an event id this stream sent, got " + text);
        }
    }

    private void changed() {
        synchronized (signal) {
            changes++;
            signal.notifyAll();
        }
    }

    private long changeCount() {
        synchronized (signal) {
            return changes;
        }
    }

    private long awaitChange(long seen) throws InterruptedException {
        synchronized (signal) {
            if (changes == seen && !closed) {
                signal.wait(pollMillis);
            }
            return changes;
        }
    }

    /**
     * Ends every stream, and waits (briefly) until their handlers have returned, so that HTTP
     * can stop after them. Clients reconnect (to this server once it is back) and resume.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        while (open.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
