package org.jobdeck.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jobdeck.api.RunView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to the server's run events ({@code GET /api/admin/jobs/events}) that outlives
 * dropped connections: it reconnects with exponential back-off (with jitter) and resumes from
 * the last event id it saw, and it passes on only snapshots newer than the ones it delivered
 * (per run, by version), as the server may replay some after a resume.
 */
final class RunEventSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunEventSubscription.class);
    static final long INITIAL_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final int REMEMBERED_RUNS = 50_000;

    private final RestTransport transport;
    private final EventSource.Factory factory;
    private final Consumer<List<RunView>> listener;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch firstReady = new CountDownLatch(1);
    private final Map<String, Long> delivered = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    };
    private volatile String lastEventId;
    private volatile boolean closed;
    private EventSource source;
    private long backoffMillis = INITIAL_BACKOFF_MILLIS;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunList(List<RunView> runs) {
    }

    /**
     * @param http a client whose read timeout is longer than the server's keep-alive interval
     */
    RunEventSubscription(RestTransport transport, OkHttpClient http, Consumer<List<RunView>> listener) {
        this.transport = transport;
        this.factory = EventSources.createFactory(http);
        this.listener = listener;
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

    private synchronized void reconnectLater(String why) {
        if (closed) {
            return;
        }
        long delay = backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 5 + 1);
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        LOG.debug("Run events from {} stopped ({}); reconnecting in {} ms", transport.display(), why, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() won the race: nothing to reconnect
        }
    }

    private synchronized void opened() {
        backoffMillis = INITIAL_BACKOFF_MILLIS;
    }

    private void deliver(String data) throws IOException {
        List<RunView> runs = RestTransport.JSON.readValue(data, RunList.class).runs();
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

    private final class Listener extends EventSourceListener {
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
                    deliver(data);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring a run event from {}: {}", transport.display(), e.toString());
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
            reconnectLater("closed by the server");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            firstReady.countDown();
            reconnectLater(response != null ? "HTTP " + response.code() : String.valueOf(t));
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
