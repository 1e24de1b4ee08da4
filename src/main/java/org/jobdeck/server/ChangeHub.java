package org.jobdeck.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jobdeck.api.JobsApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one change poller behind every event stream. Its thread reads the run changes once, at
 * once when this process changed runs ({@link RunChanges#onChange}) and every
 * {@code pollMillis} for other processes' changes, renders them as events once, and offers them
 * to every open stream, which only queues them: a slow stream never holds the poller or the
 * others up. Each pass also ticks the streams: keep-alives after silence, and the end of writes
 * that block too long. While no stream is open it reads nothing.
 */
final class ChangeHub implements AutoCloseable {
    /** The most changes read at once, one event's worth; a full page is followed by the next at once. */
    static final int PAGE = 200;
    /** Changes that come in a burst are read together, not one query per commit. */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeHub.class);

    private final RunChanges changes;
    private final EventThreads threads;
    private final long pollNanos;
    private final long keepAliveNanos;
    private final long stallNanos;
    private final long tickNanos;
    private final Set<OpenStream> streams = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private boolean changed; // guarded by signal
    private volatile boolean closed;
    private String position; // guarded by this; null while no stream is open

    ChangeHub(RunChanges changes, StreamSettings settings) {
        this.changes = changes;
        this.threads = new EventThreads(settings.senderThreads());
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(settings.pollMillis());
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(settings.keepAliveMillis());
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(settings.stallMillis());
        this.tickNanos = Math.min(pollNanos, Math.min(keepAliveNanos, stallNanos) / 2);
        changes.onChange(this::wake);
        threads.startPoller(this::loop);
    }

    RunChanges changes() {
        return changes;
    }

    ExecutorService senders() {
        return threads.senders();
    }

    /**
     * Adds a stream and returns where it starts: the hub's position, so that the stream gets
     * exactly the changes after it (the first stream starts the hub at the head). Under the hub's
     * lock, like each hand-out of events, so that no change falls between the two.
     */
    synchronized String join(OpenStream stream) {
        if (position == null) {
            position = changes.head();
        }
        streams.add(stream);
        return position;
    }

    /**
     * A resumed stream's replay has caught up at {@code replayed}: it joins the live events
     * exactly. Under the hub's lock (no hand-out meanwhile), the changes between the replay's
     * position and the hub's are read both ways: what the hub has passed and the replay has not
     * goes to the stream first; what the replay has sent and the hub has not is left out of the
     * hub's next events for this stream. Snapshots taken one after the other see more and more,
     * so one of the two is always empty.
     *
     * @return false when the hub is in the middle of a window (a full page): try again in a moment
     */
    synchronized boolean handOver(OpenStream stream, String replayed) {
        if (position == null) {
            position = replayed;
        }
        List<StreamEvent> catchUp = new ArrayList<>();
        Map<String, Long> sentAhead = new HashMap<>();
        try {
            readBetween(replayed, position, page -> catchUp.add(StreamEvent.runs(page)));
            readBetween(position, replayed, page -> page.runs().forEach(run -> sentAhead.put(run.jobRunId(),
                    run.version())));
        } catch (JobsApiException midWindow) {
            if (midWindow.code() == JobsApiException.Code.INVALID_REQUEST) {
                return false;
            }
            throw midWindow;
        }
        stream.goLive(catchUp, sentAhead);
        return true;
    }

    private void readBetween(String from, String upTo, Consumer<RunChanges.Page> pages) {
        String at = from;
        RunChanges.Page page;
        do {
            page = changes.read(at, upTo, PAGE);
            if (!page.runs().isEmpty()) {
                pages.accept(page);
            }
            at = page.position();
        } while (page.more());
    }

    synchronized void remove(OpenStream stream) {
        streams.remove(stream);
        if (streams.isEmpty()) {
            position = null; // the next stream starts the hub at the head again
        }
    }

    /** Streams open now. */
    int open() {
        return streams.size();
    }

    private void wake() {
        synchronized (signal) {
            changed = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        long lastPoll = System.nanoTime() - pollNanos;
        try {
            while (!closed) {
                long now = System.nanoTime();
                boolean more = false;
                if (now - lastPoll >= pollNanos || takeChange(now - lastPoll)) {
                    lastPoll = now;
                    more = poll();
                }
                forEachStream(stream -> stream.tick(now, keepAliveNanos, stallNanos));
                if (!more) {
                    await(Math.min(lastPoll + pollNanos, now + tickNanos) - now, lastPoll + MIN_GAP_NANOS - now);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean takeChange(long sinceLastPoll) {
        synchronized (signal) {
            boolean take = changed && sinceLastPoll >= MIN_GAP_NANOS;
            changed &= !take;
            return take;
        }
    }

    /** Waits up to {@code nanos}, less when a change arrives (but not before {@code gapNanos}). */
    private void await(long nanos, long gapNanos) throws InterruptedException {
        synchronized (signal) {
            long wait = changed ? Math.max(gapNanos, 0) : nanos;
            if (!closed && wait > 0) {
                TimeUnit.NANOSECONDS.timedWait(signal, wait);
            }
        }
    }

    private boolean poll() {
        String from;
        synchronized (this) {
            from = position;
        }
        if (from == null) {
            return false;
        }
        try {
            RunChanges.Page page = changes.read(from, PAGE);
            synchronized (this) {
                if (position == null || !position.equals(from)) {
                    return true; // the streams all left (and maybe others came) meanwhile: read again
                }
                position = page.position();
                if (!page.runs().isEmpty()) {
                    List<StreamEvent> events = List.of(StreamEvent.runs(page));
                    forEachStream(stream -> stream.offerLive(events));
                }
            }
            return page.more();
        } catch (RuntimeException e) {
            // The streams stay open and the next poll tries again; clients see only keep-alives meanwhile.
            LOG.warn("Event streams cannot read run changes: {}", e.toString());
            return false;
        }
    }

    /** One stream's failure (a connection Jetty already tore down) must not end the poller. */
    private void forEachStream(Consumer<OpenStream> action) {
        for (OpenStream stream : streams) {
            try {
                action.accept(stream);
            } catch (RuntimeException e) {
                LOG.debug("An event stream failed: {}", e.toString());
                stream.ended();
            }
        }
    }

    /** Ends every stream (their clients reconnect and resume elsewhere or later), then stops the threads. */
    @Override
    public void close() {
        closed = true;
        wake();
        forEachStream(stream -> stream.end("the server is stopping"));
        threads.close();
    }
}
