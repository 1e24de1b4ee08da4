package org.jobdeck.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jobdeck.api.RunList;
import org.jobdeck.api.RunView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to the server's run events ({@code GET /api/admin/jobs/events}) that outlives
 * dropped connections: it reconnects with exponential back-off (with jitter) and resumes from
 * the last event id it saw, and it passes on only snapshots newer than the ones it delivered
 * (per run, by version), as the server may replay some after a resume.
 *
 * <p>When the server cannot replay what was missed (a {@code reset} event: the resume was too
 * old, or too much changed), or refuses the resume position (400: a server whose clock is
 * behind the last one's), the subscription reloads the snapshot, the newest runs as a face
 * loads them when it starts, and passes on those that changed: the listener sees changes as
 * always, with no new contract. Until a reload succeeds, it is tried again at the next
 * connection. A server at its stream cap (429) is asked again after its Retry-After.
 */
final class RunEventSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunEventSubscription.class);
    static final long INITIAL_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final int REMEMBERED_RUNS = 50_000;
    private static final long MAX_RETRY_AFTER_MILLIS = 60_000;

    private final RestTransport transport;
    private final EventSource.Factory factory;
    private final Consumer<List<RunView>> listener;
    private final Supplier<List<RunView>> snapshot;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch firstReady = new CountDownLatch(1);
    private final Map<String, Long> delivered = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    };
    private volatile String lastEventId;
    private volatile boolean reloadPending;
    private volatile boolean closed;
    private EventSource source;
    private long backoffMillis = INITIAL_BACKOFF_MILLIS;

    /**
     * @param http     a client whose read timeout is longer than the server's keep-alive interval
     * @param snapshot the newest runs, reloaded when the stream cannot replay what was missed
     */
    RunEventSubscription(RestTransport transport, OkHttpClient http, Consumer<List<RunView>> listener,
                         Supplier<List<RunView>> snapshot) {
        this.transport = transport;
        this.factory = EventSources.createFactory(http);
        this.listener = listener;
        this.snapshot = snapshot;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jobdeck-rest-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects, and waits up to {@code wait} for the stream to start (it goes on trying after). */
    RunEventSubscription start(Duration wait) {
        scheduler.execute(this::connect);
        try {
            firstReady.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** The id of the last event received: where a reconnect resumes. */
    String lastEventId() {
        return lastEventId;
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        Request.Builder request = transport.request(transport.url("events").build())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        source = factory.newEventSource(request.build(), new Listener());
    }

    private synchronized void reconnectLater(String why, long atLeastMillis) {
        if (closed) {
            return;
        }
        long jittered = backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 5 + 1);
        long delay = Math.max(atLeastMillis, jittered);
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        LOG.debug("Run events from {} stopped ({}); reconnecting in {} ms", transport.display(), why, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() won the race: nothing to reconnect
        }
    }

    private synchronized void opened() {
        if (!reloadPending) { // else a reload that keeps failing would be retried at once, forever
            backoffMillis = INITIAL_BACKOFF_MILLIS;
        }
    }

    /** The newest runs, passed on where they changed; false when they could not be loaded. */
    private boolean reload() {
        try {
            deliver(snapshot.get());
            reloadPending = false;
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Cannot reload the runs from {} after its event stream was reset: {}",
                    transport.display(), e.getMessage());
            return false;
        }
    }

    private void deliver(List<RunView> runs) {
        List<RunView> fresh = new ArrayList<>(runs.size());
        synchronized (delivered) {
            for (RunView run : runs) {
                Long earlier = delivered.get(run.jobRunId());
                if (earlier == null || earlier < run.version()) {
                    delivered.put(run.jobRunId(), run.version());
                    fresh.add(run);
                }
            }
        }
        if (!fresh.isEmpty() && !closed) {
            listener.accept(fresh);
        }
    }

    /** One connection's listener. */
    private final class Listener extends EventSourceListener {
        private boolean reloadedHere;

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened();
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (closed) {
                eventSource.cancel();
                return;
            }
            try {
                if ("runs".equals(type)) {
                    deliver(RestTransport.JSON.readValue(data, RunList.class).runs());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring a run event from {}: {}", transport.display(), e.toString());
            }
            // A reset just after a ready that reloaded (pending since an earlier connection) needs no second reload.
            boolean reloadNow = "reset".equals(type) ? !reloadedHere : "ready".equals(type) && reloadPending;
            if (reloadNow) {
                if (!reload()) {
                    // Not past this event: the next connection resumes before it, and tries again.
                    reloadPending = true;
                    firstReady.countDown();
                    eventSource.cancel();
                    return;
                }
                reloadedHere = true;
            }
            if (id != null && !id.isEmpty()) {
                lastEventId = id; // only once the event was handled: a drop before replays it
            }
            if ("ready".equals(type)) {
                firstReady.countDown();
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            reconnectLater("closed by the server", 0);
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            firstReady.countDown();
            if (response == null) {
                reconnectLater(String.valueOf(t), 0);
            } else if (response.code() == 400 && lastEventId != null) {
                // The server cannot resume from this id: start afresh, and reload what was missed.
                lastEventId = null;
                reloadPending = true;
                reconnectLater("HTTP 400 for the resume position", 0);
            } else if (response.code() == 429) {
                reconnectLater("HTTP 429: too many event streams", retryAfterMillis(response));
            } else {
                reconnectLater("HTTP " + response.code(), 0);
            }
        }
    }

    private static long retryAfterMillis(Response response) {
        try {
            long seconds = Long.parseLong(response.header("Retry-After", "0").strip());
            return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, seconds) * 1_000);
        } catch (NumberFormatException dateOrJunk) {
            return 0; // the back-off decides
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (source != null) {
                source.cancel();
            }
        }
        scheduler.shutdownNow();
    }
}
