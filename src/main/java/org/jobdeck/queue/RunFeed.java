package org.jobdeck.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jobdeck.queue.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run changes as a stream, from this process and from every other process on the same
 * database. It polls for rows updated since the last poll, minus an overlap that covers
 * transactions committing late, and drops snapshots it already delivered (same run, same
 * version or older). Changes made through this process's store wake it at once.
 */
public final class RunFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFeed.class);
    static final long OVERLAP_MILLIS = 3_000;
    private static final long MIN_GAP_MILLIS = 30;
    private static final int PAGE = 5_000;

    private final RunStore store;
    private final long pollMillis;
    private final List<Consumer<List<Run>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> delivered = new HashMap<>(); // id -> {version, updatedAt}
    private final Object wakeup = new Object();
    private Thread thread;
    private volatile boolean closed;
    private boolean pendingWake;
    private long since;

    public RunFeed(RunStore store, long pollMillis) {
        this.store = store;
        this.pollMillis = pollMillis;
        store.onChange(this::wake);
    }

    /** Delivers batches of changed runs, oldest change first, on the feed's own thread. */
    public synchronized AutoCloseable subscribe(Consumer<List<Run>> listener) {
        listeners.add(listener);
        if (thread == null) {
            since = store.now() - OVERLAP_MILLIS;
            thread = new Thread(this::loop, "jobdeck-run-feed");
            thread.setDaemon(true);
            thread.start();
        }
        return () -> listeners.remove(listener);
    }

    private void wake() {
        synchronized (wakeup) {
            pendingWake = true;
            wakeup.notifyAll();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("Run feed poll failed: {}", e.getMessage());
            }
            synchronized (wakeup) {
                try {
                    if (!pendingWake && !closed) {
                        wakeup.wait(pollMillis);
                    }
                    pendingWake = false;
                } catch (InterruptedException e) {
                    return;
                }
            }
            sleepQuietly(MIN_GAP_MILLIS);
        }
    }

    /** One poll; synchronized because tests also call it directly, beside the feed's thread. */
    synchronized void poll() {
        long started = store.now();
        List<Run> changed = store.changedSince(since, PAGE);
        List<Run> fresh = changed.stream().filter(this::isNew).toList();
        // A full page means more rows may share the window: continue from the newest seen.
        // Otherwise every change before (started - overlap) has been seen. Never move back.
        long next = changed.size() == PAGE ? changed.get(changed.size() - 1).updatedAt() : started - OVERLAP_MILLIS;
        since = Math.max(since, next);
        prune(since - OVERLAP_MILLIS);
        if (!fresh.isEmpty()) {
            for (Consumer<List<Run>> listener : listeners) {
                try {
                    listener.accept(fresh);
                } catch (RuntimeException e) {
                    LOG.warn("A run feed listener failed: {}", e.toString());
                }
            }
        }
    }

    /** Where the next poll starts reading (epoch ms of updated_at); for tests. */
    synchronized long cursor() {
        return since;
    }

    private boolean isNew(Run run) {
        long[] seen = delivered.get(run.id());
        if (seen != null && seen[0] >= run.version()) {
            return false;
        }
        delivered.put(run.id(), new long[] {run.version(), run.updatedAt()});
        return true;
    }

    private void prune(long before) {
        delivered.values().removeIf(seen -> seen[1] < before);
    }

    @Override
    public void close() {
        closed = true;
        wake();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
