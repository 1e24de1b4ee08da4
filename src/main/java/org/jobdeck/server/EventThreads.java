package org.jobdeck.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the event streams use, whatever their number: one poller, and a fixed pool of
 * senders that write to the streams and also run the SSE handler (which only registers a
 * stream and returns). Daemon threads, stopped by {@link #close()}.
 */
final class EventThreads implements AutoCloseable {
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ExecutorService poller = Executors.newSingleThreadExecutor(named("jobdeck-events-poller"));
    private final ExecutorService senders;

    EventThreads(int senderThreads) {
        this.senders = Executors.newFixedThreadPool(senderThreads, named("jobdeck-events-sender"));
    }

    void startPoller(Runnable loop) {
        poller.execute(loop);
    }

    ExecutorService senders() {
        return senders;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        senders.shutdownNow();
        try {
            poller.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            senders.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
