package org.jobdeck.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream: the events waiting for it, and whose turn it is to write them. No thread
 * is its own: a sender of the shared pool writes its queue in turns of {@link #TURN} events, so a
 * client with much to receive does not hold a sender while others wait.
 *
 * <p>The queue is bounded ({@link #QUEUE_LIMIT} events): a client that falls that far behind is
 * closed, and reconnects and resumes from the last id it received. A write that blocks longer
 * than the stall limit (a client that stopped reading) is aborted by the hub's tick. Either way
 * the hub never waits for a stream.
 *
 * <p>While a resume is replayed ({@link StreamReplay}), the replay owns the writes and the hub's
 * events are skipped: the replay reads them itself before it hands over ({@link #goLive()}).
 */
final class OpenStream {
    /** 100 events of changes (a page each): a burst fits, a client that stopped reading does not. */
    static final int QUEUE_LIMIT = 100;
    static final int TURN = 16;
    private static final Logger LOG = LoggerFactory.getLogger(OpenStream.class);

    private final SseSink sink;
    private final Executor senders;
    private final Consumer<OpenStream> onEnded;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Deque<StreamEvent> queue = new ArrayDeque<>();
    private boolean started;
    private boolean live = true;
    private Map<String, Long> sentAhead = Map.of(); // guarded by this
    private boolean draining;
    private boolean writing;
    private boolean closed;
    private long writeStartedNanos;
    private long lastSentNanos = System.nanoTime();

    /**
     * A stream that queues the hub's events but sends nothing until it begins: add it to the hub
     * first, then begin it, so that no change falls between its start position and its first event.
     *
     * @param onEnded called once when the stream ends, however it ends
     */
    OpenStream(SseSink sink, Executor senders, Consumer<OpenStream> onEnded) {
        this.sink = sink;
        this.senders = senders;
        this.onEnded = onEnded;
    }

    /** Starts live: sends {@code first} (ready, maybe reset), then what the hub offered and offers. */
    void begin(List<StreamEvent> first) {
        synchronized (this) {
            for (int i = first.size() - 1; i >= 0; i--) {
                queue.addFirst(first.get(i));
            }
            started = true;
            draining = true;
        }
        submit(this::drain);
    }

    /** Starts with a replay: sends {@code ready}, then the replay, then what the hub offers. */
    void beginReplay(StreamEvent ready, StreamReplay replay) {
        synchronized (this) {
            queue.clear(); // the replay reads these changes itself
            live = false;
            started = true;
            draining = true;
        }
        submit(() -> {
            if (write(ready)) {
                replay.run(this);
            }
            drain();
        });
    }

    /** From the hub: events every stream gets. Skipped while a replay writes. */
    void offerLive(List<StreamEvent> events) {
        boolean behind = false;
        boolean start = false;
        synchronized (this) {
            if (closed || !live) {
                return;
            }
            List<StreamEvent> fresh = unsent(events);
            if (queue.size() + fresh.size() > QUEUE_LIMIT) {
                behind = true;
            } else {
                queue.addAll(fresh);
                start = started && !draining;
                draining |= start;
            }
        }
        if (behind) {
            drop("it fell more than " + QUEUE_LIMIT + " events behind");
        } else if (start) {
            submit(this::drain);
        }
    }

    /** The replay gave up (or failed): from now on the hub's events are queued as they come. */
    synchronized void goLive() {
        live = true;
    }

    /**
     * The replay caught up with the hub: the changes the hub has passed and the replay has not
     * ({@code catchUp}) go first; runs the replay sent and the hub has not passed yet
     * ({@code sentAhead}, id to version) are left out of the hub's next events, so the client
     * gets each change once, in order.
     */
    synchronized void goLive(List<StreamEvent> catchUp, Map<String, Long> sentAhead) {
        queue.addAll(catchUp);
        this.sentAhead = new HashMap<>(sentAhead);
        live = true;
    }

    /** The hub's events without what the replay sent ahead of it; an entry goes once the hub passes it. */
    private List<StreamEvent> unsent(List<StreamEvent> events) {
        if (sentAhead.isEmpty()) {
            return events;
        }
        List<StreamEvent> fresh = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            StreamEvent left = event.without(sentAhead);
            event.runs().forEach(run -> sentAhead.computeIfPresent(run.jobRunId(),
                    (id, version) -> run.version() >= version ? null : version));
            if (left != null) {
                fresh.add(left);
            }
        }
        return fresh;
    }

    /**
     * Writes one event now; only the sender that owns the writes calls it (the drain, or the
     * replay). False when the stream has ended.
     */
    boolean write(StreamEvent event) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            writing = true;
            writeStartedNanos = System.nanoTime();
        }
        try {
            sink.send(event);
        } catch (RuntimeException e) {
            end("a write failed: " + e);
            return false;
        } finally {
            synchronized (this) {
                writing = false;
                lastSentNanos = System.nanoTime();
            }
        }
        return !sink.terminated();
    }

    private void drain() {
        for (int sent = 0; sent < TURN; sent++) {
            StreamEvent next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            if (!write(next)) {
                return;
            }
        }
        submit(this::drain); // the turn is over: to the back of the senders' queue
    }

    /** From the hub's tick: a keep-alive after silence, or the end of a write that blocks. */
    void tick(long nowNanos, long keepAliveNanos, long stallNanos) {
        boolean stalled;
        boolean idle;
        synchronized (this) {
            stalled = writing && nowNanos - writeStartedNanos > stallNanos;
            idle = started && !draining && queue.isEmpty() && nowNanos - lastSentNanos >= keepAliveNanos;
        }
        if (stalled) {
            drop("a write was blocked for more than " + stallNanos / 1_000_000 + " ms");
        } else if (idle) {
            offerLive(List.of(StreamEvent.KEEP_ALIVE));
        }
    }

    /**
     * Ends the stream: gracefully between writes; by dropping the connection under a write that
     * blocks. The client reconnects and resumes from the last event it received.
     */
    void end(String why) {
        boolean abort;
        synchronized (this) {
            closed = true;
            queue.clear();
            abort = writing;
        }
        LOG.debug("Ending an event stream: {}", why);
        if (abort) {
            sink.abort();
        } else {
            sink.close();
        }
        ended();
    }

    /** Ends a stream that could not keep up; worth a line in the log, unlike a server stopping. */
    private void drop(String why) {
        LOG.info("Closing an event stream: {}; its client will resume", why);
        end(why);
    }

    /** The connection is over (the client left, a write failed, or {@link #end}): frees what it held. */
    void ended() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        if (ended.compareAndSet(false, true)) {
            onEnded.accept(this);
        }
    }

    private void submit(Runnable turn) {
        try {
            senders.execute(turn);
        } catch (RejectedExecutionException stopping) {
            end("the server is stopping");
        }
    }
}
