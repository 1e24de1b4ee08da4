package org.jobdeck.queue.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jobdeck.queue.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run changes as a stream, from this process and from every other process on the same
 * database: it reads the store's change feed from where it left off, so each change arrives
 * once, in commit order, whatever the processes' clocks say. Changes made through this
 * process's store (and, on PostgreSQL, other processes' commits) wake it at once.
 */
public final class RunFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFeed.class);
    private static final long MIN_GAP_MILLIS = 30;
    private static final int PAGE = 5_000;

    private final RunStore store;
    private final long pollMillis;
    private final List<Consumer<List<Run>>> listeners = new CopyOnWriteArrayList<>();
    private final Object wakeup = new Object();
    private Thread thread;
    private volatile boolean closed;
    private boolean pendingWake;
    private String position;

    public RunFeed(RunStore store, long pollMillis) {
        this.store = store;
        this.pollMillis = pollMillis;
        store.reads().onChange(this::wake);
        // From the moment the feed exists: the first subscriber also gets what changed before it came.
        this.position = store.reads().head();
    }

    /** Delivers batches of changed runs, oldest change first, on the feed's own thread. */
    public synchronized AutoCloseable subscribe(Consumer<List<Run>> listener) {
        listeners.add(listener);
        if (thread == null) {
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
        ChangePage page;
        do {
            page = store.reads().changes(position, PAGE);
            position = page.position();
            if (!page.runs().isEmpty()) {
                deliver(page.runs());
            }
        } while (page.more() && !closed);
    }

    private void deliver(List<Run> runs) {
        for (Consumer<List<Run>> listener : listeners) {
            try {
                listener.accept(runs);
            } catch (RuntimeException e) {
                LOG.warn("A run feed listener failed: {}", e.toString());
            }
        }
    }

    /** Where the next poll starts reading; for tests. */
    synchronized String position() {
        return position;
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
